/*
 * Copyright 2026 the Trellis authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.trellis.deploy.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import dev.trellis.deploy.image.DockerfileRecipe.Instruction;
import dev.trellis.deploy.image.DockerfileRecipe.Stage;
import dev.trellis.launcher.ComponentSpec;
import dev.trellis.launcher.Topology;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the image recipe {@code Dockerfile}: one recipe for every app, its layers in
 * the order of the jar's layer index, a pinned JRE, an unprivileged user, a heap that
 * follows the container's memory, and the AOT cache the training run writes is the one
 * the app reads.
 *
 * @author Trellis authors
 */
class ImageRecipeTests {

	/** The jar whose layer index the recipe is checked against (any app has the same). */
	static final Path JAR = DockerfileRecipe.ROOT.resolve("config-server/target/config-server.jar");

	private static final Pattern LAYER = Pattern.compile("(?m)^- \"([^\"]+)\":$");

	private final DockerfileRecipe recipe = DockerfileRecipe.load();

	@Test
	void theAppIsTheJarBuildArgument() {
		Stage layers = this.recipe.stage("layers");
		assertThat(layers.all("ARG")).extracting(Instruction::arguments).containsExactly("JAR");
		assertThat(layers.only("COPY").words()).containsExactly("${JAR}", "app.jar");
	}

	@Test
	void theLayersAreCopiedOneByOneInTheOrderOfTheJarsLayerIndex() {
		List<String> copied = new ArrayList<>();
		for (Instruction copy : this.recipe.stage("app").all("COPY")) {
			if ("layers".equals(copy.flag("from"))) {
				Matcher matcher = Pattern.compile("/build/extracted/([^/]+)/").matcher(copy.words().get(0));
				assertThat(matcher.matches()).as(copy.arguments()).isTrue();
				copied.add(matcher.group(1));
			}
		}
		assertThat(copied).containsExactlyElementsOf(layerIndex(JAR));
	}

	@Test
	void everyStageRunsOnThePinnedTemurinJre() {
		String image = this.recipe.globalArgument("JAVA_IMAGE");
		assertThat(image).matches("eclipse-temurin:25\\.\\d+\\.\\d+_\\d+-jre-[a-z]+");
		List<String> names = new ArrayList<>();
		for (Stage stage : this.recipe.stages()) {
			assertThat(this.recipe.baseOf(stage)).as("FROM of stage " + stage.name()).isIn(concat(names, image));
			names.add(stage.name());
		}
	}

	@Test
	void theAppRunsAsAnUnprivilegedUser() {
		// By number: Kubernetes' runAsNonRoot cannot check a user name.
		String user = this.recipe.finalStage().only("USER").arguments();
		assertThat(user).matches("\\d+:\\d+");
		String uid = user.substring(0, user.indexOf(':'));
		assertThat(uid).isNotEqualTo("0");
		assertThat(this.recipe.stage("app").all("RUN")).extracting(Instruction::arguments)
			.anySatisfy((run) -> assertThat(run).contains("useradd").contains("--uid " + uid));
	}

	@Test
	void theHeapIsAShareOfTheContainersMemoryNeverAFixedSize() {
		List<String> entrypoint = this.recipe.finalStage().only("ENTRYPOINT").words();
		assertThat(entrypoint).anySatisfy((word) -> assertThat(word).matches("-XX:MaxRAMPercentage=\\d+(\\.\\d+)?"));
		assertThat(entrypoint).noneSatisfy((word) -> assertThat(word).matches("-Xm[xs].*"));
		assertThat(entrypoint).contains("-XX:+ExitOnOutOfMemoryError");
	}

	@Test
	void theAppReadsTheAotCacheItsTrainingRunWrote() {
		Stage training = this.recipe.stage("aot-training");
		assertThat(this.recipe.baseOf(training)).isEqualTo("app");
		assertThat(training.only("RUN").arguments()).contains("train-aot-cache");
		String script = DockerfileRecipe.read(DockerfileRecipe.ROOT.resolve("deploy/docker/train-aot-cache"));
		assertThat(script).contains("cd /app", "-XX:AOTCacheOutput=app.aot", "-Dspring.context.exit=onRefresh",
				"-jar app.jar");
		Stage image = this.recipe.finalStage();
		assertThat(this.recipe.baseOf(image)).isEqualTo("app");
		assertThat(image.all("COPY")).anySatisfy((copy) -> {
			assertThat(copy.flag("from")).isEqualTo("aot-training");
			assertThat(copy.words()).containsExactly("/app/app.aot", "./");
		});
		assertThat(this.recipe.stage("app").only("WORKDIR").arguments()).isEqualTo("/app");
		assertThat(image.only("ENTRYPOINT").words()).contains("-XX:AOTCache=app.aot").endsWith("-jar", "app.jar");
	}

	@Test
	void theBuildContextHoldsEveryAppsJarAndWhatTheRecipeCopies() {
		List<String> lines = DockerfileRecipe.read(DockerfileRecipe.DOCKERIGNORE)
			.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		assertThat(lines.get(0)).as("everything is left out but what is let in").isEqualTo("*");
		for (ComponentSpec app : Topology.standard().applications()) {
			assertThat(lines).as(app.name()).contains("!" + app.jar());
		}
		for (Stage stage : this.recipe.stages()) {
			for (Instruction copy : stage.all("COPY")) {
				String source = copy.words().get(0);
				if (copy.flag("from") == null && !source.equals("${JAR}")) {
					assertThat(lines).as("the context holds " + source)
						.anySatisfy((line) -> assertThat(line).startsWith("!")
							.satisfies((admitted) -> assertThat(source).startsWith(admitted.substring(1))));
				}
			}
		}
	}

	static List<String> layerIndex(Path jar) {
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			ZipEntry index = zip.getEntry("BOOT-INF/layers.idx");
			assertThat(index).as(jar + " has a layer index").isNotNull();
			String text = new String(zip.getInputStream(index).readAllBytes(), StandardCharsets.UTF_8);
			List<String> layers = new ArrayList<>();
			Matcher matcher = LAYER.matcher(text);
			while (matcher.find()) {
				layers.add(matcher.group(1));
			}
			return layers;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> concat(List<String> names, String image) {
		List<String> result = new ArrayList<>(names);
		result.add(image);
		return result;
	}

}
