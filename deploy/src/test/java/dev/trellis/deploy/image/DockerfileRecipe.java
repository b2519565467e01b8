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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.json.JsonMapper;

/**
 * The project's {@code Dockerfile}, read into its build stages and instructions, so that
 * tests run the commands it runs rather than copies of them.
 *
 * @author Trellis authors
 */
final class DockerfileRecipe {

	static final Path ROOT = Path.of("..");

	static final Path DOCKERFILE = ROOT.resolve("Dockerfile");

	static final Path DOCKERIGNORE = ROOT.resolve(".dockerignore");

	private final List<Stage> stages;

	private final List<Instruction> globalArguments;

	private DockerfileRecipe(List<Instruction> globalArguments, List<Stage> stages) {
		this.globalArguments = globalArguments;
		this.stages = stages;
	}

	static DockerfileRecipe load() {
		List<Instruction> global = new ArrayList<>();
		List<Stage> stages = new ArrayList<>();
		for (Instruction instruction : instructions(read(DOCKERFILE))) {
			if (instruction.keyword().equals("FROM")) {
				String[] words = instruction.arguments().split("\\s+");
				String name = (words.length == 3 && words[1].equalsIgnoreCase("AS")) ? words[2] : null;
				stages.add(new Stage(name, words[0], new ArrayList<>()));
			}
			else if (stages.isEmpty()) {
				global.add(instruction);
			}
			else {
				stages.get(stages.size() - 1).instructions().add(instruction);
			}
		}
		return new DockerfileRecipe(global, stages);
	}

	static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<Stage> stages() {
		return this.stages;
	}

	Stage stage(String name) {
		return this.stages.stream()
			.filter((stage) -> name.equals(stage.name()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Dockerfile has no stage " + name));
	}

	Stage finalStage() {
		return this.stages.get(this.stages.size() - 1);
	}

	/**
	 * The default of a global build argument ({@code ARG NAME=value} before the first
	 * {@code FROM}).
	 * @param name the argument
	 * @return its default
	 */
	String globalArgument(String name) {
		return this.globalArguments.stream()
			.filter((instruction) -> instruction.keyword().equals("ARG")
					&& instruction.arguments().startsWith(name + "="))
			.map((instruction) -> instruction.arguments().substring(name.length() + 1))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Dockerfile has no global ARG " + name));
	}

	/**
	 * The image a {@code FROM} names, global arguments ({@code ${NAME}}) resolved.
	 * @param stage the stage
	 * @return the image reference or the name of an earlier stage
	 */
	String baseOf(Stage stage) {
		String base = stage.base();
		if (base.startsWith("${") && base.endsWith("}")) {
			return globalArgument(base.substring(2, base.length() - 1));
		}
		return base;
	}

	private static List<Instruction> instructions(String text) {
		List<Instruction> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : text.lines().toList()) {
			String trimmed = line.strip();
			if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				current.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			current.append(trimmed);
			String instruction = current.toString().strip();
			current.setLength(0);
			if (!instruction.isEmpty()) {
				int space = instruction.indexOf(' ');
				instructions.add(new Instruction(instruction.substring(0, space).toUpperCase(Locale.ROOT),
						instruction.substring(space + 1).strip()));
			}
		}
		return instructions;
	}

	/**
	 * A build stage.
	 *
	 * @param name its name ({@code AS name}), or {@code null}
	 * @param base what it starts {@code FROM}, as written
	 * @param instructions its instructions after {@code FROM}
	 */
	record Stage(String name, String base, List<Instruction> instructions) {

		List<Instruction> all(String keyword) {
			return this.instructions.stream().filter((instruction) -> instruction.keyword().equals(keyword)).toList();
		}

		Instruction only(String keyword) {
			List<Instruction> found = all(keyword);
			if (found.size() != 1) {
				throw new AssertionError(
						"Stage " + this.name + " has " + found.size() + " " + keyword + " instructions");
			}
			return found.get(0);
		}

	}

	/**
	 * One instruction, continuation lines joined.
	 *
	 * @param keyword its keyword in upper case
	 * @param arguments the rest
	 */
	record Instruction(String keyword, String arguments) {

		/**
		 * The arguments of an exec form ({@code ["java", "-jar", "app.jar"]}) or of a
		 * {@code COPY} (flags left out).
		 * @return the words
		 */
		List<String> words() {
			if (this.arguments.startsWith("[")) {
				return Arrays.asList(JsonMapper.builder().build().readValue(this.arguments, String[].class));
			}
			return Arrays.stream(this.arguments.split("\\s+")).filter((word) -> !word.startsWith("--")).toList();
		}

		/**
		 * The value of a flag such as {@code --from=layers}.
		 * @param flag the flag without dashes
		 * @return its value, or {@code null}
		 */
		String flag(String flag) {
			return Arrays.stream(this.arguments.split("\\s+"))
				.filter((word) -> word.startsWith("--" + flag + "="))
				.map((word) -> word.substring(flag.length() + 3))
				.findFirst()
				.orElse(null);
		}

	}

}
