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
package dev.trellis.launcher.infra;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.trellis.launcher.AppProcess;
import dev.trellis.launcher.ComponentSpec;
import dev.trellis.launcher.ConfigMode;
import dev.trellis.launcher.Platform;
import dev.trellis.launcher.TestPorts;
import dev.trellis.launcher.Topology;
import dev.trellis.launcher.TraceTree;
import dev.trellis.launcher.ZipkinClient;
import dev.trellis.launcher.process.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for {@link PostgresServer}, {@link RedisServer}, {@link KafkaServer}
 * and {@link ZipkinServer} run by a {@link Platform}.
 *
 * @author Trellis authors
 */
class InfrastructureIntegrationTests {

	@TempDir
	Path root;

	@Test
	void postgresAndRedisServeSurviveAKillAndStopWithThePlatform() throws Exception {
		Topology standard = Topology.standard();
		Topology topology = Topology.builder()
			.add(standard.component("postgres").withDefaultPort(TestPorts.next()))
			.add(standard.component("redis").withDefaultPort(TestPorts.next()))
			.build();
		long serverPid;
		int postgresPort;
		int redisPort;
		try (Platform platform = Platform.builder(this.root)
			.topology(topology)
			.config(ConfigMode.NATIVE)
			.stopTimeout(Duration.ofSeconds(20))
			.build()) {
			platform.start();
			AppProcess postgres = platform.process("postgres");
			postgresPort = postgres.port();
			redisPort = platform.process("redis").port();
			assertThat(postgres.url()).hasToString("postgresql://localhost:" + postgresPort);
			assertThat(databases(postgresPort)).containsAll(Topology.DATABASES);
			assertThat(ping(redisPort)).isEqualTo("+PONG");
			assertThat(this.root.resolve(".trellis/data/postgres/PG_VERSION")).exists();
			assertThat(postgres.log()).anySatisfy((line) -> assertThat(line).startsWith("TRELLIS-READY postgres"));
			serverPid = serverPid(postgres);
			assertThat(ProcessHandle.of(serverPid)).isPresent();

			postgres.kill();
			assertThat(ProcessHandle.of(serverPid).filter(ProcessHandle::isAlive)).as("postmaster killed").isEmpty();
			assertThat(Ports.accepts(postgresPort, Duration.ofMillis(500))).isFalse();
			platform.restart(postgres);
			assertThat(databases(postgresPort)).containsAll(Topology.DATABASES);
			serverPid = serverPid(postgres);
		}
		assertThat(ProcessHandle.of(serverPid).filter(ProcessHandle::isAlive)).as("postmaster stopped").isEmpty();
		assertThat(Ports.accepts(postgresPort, Duration.ofMillis(500))).isFalse();
		assertThat(Ports.accepts(redisPort, Duration.ofMillis(500))).isFalse();
	}

	@Test
	void kafkaKeepsItsRecordsAcrossAKillAndStopsCleanlyWithThePlatform() throws Exception {
		ComponentSpec standard = Topology.standard().component("kafka");
		Topology topology = Topology.builder()
			.add(withArgument(standard, "--controller-port", Integer.toString(TestPorts.next()))
				.withDefaultPort(TestPorts.next()))
			.build();
		int port;
		try (Platform platform = Platform.builder(this.root)
			.topology(topology)
			.config(ConfigMode.NATIVE)
			.stopTimeout(Duration.ofSeconds(20))
			.build()) {
			platform.start();
			AppProcess kafka = platform.process("kafka");
			port = kafka.port();
			assertThat(kafka.url()).hasToString("kafka://localhost:" + port);
			assertThat(kafka.log()).anySatisfy((line) -> assertThat(line).startsWith("TRELLIS-READY kafka"));
			String bootstrap = "localhost:" + port;
			send(bootstrap, "trellis-test", "order-1", "placed");
			assertThat(partitions(bootstrap, "trellis-test")).as("partitions of a topic created on first use")
				.isEqualTo(3);
			assertThat(firstValue(bootstrap, "trellis-test", "reader-1")).hasValue("placed");

			kafka.kill();
			assertThat(kafka.isAlive()).isFalse();
			assertThat(Ports.accepts(port, Duration.ofMillis(500))).isFalse();
			platform.restart(kafka);
			assertThat(firstValue(bootstrap, "trellis-test", "reader-2")).as("record after the restart")
				.hasValue("placed");
		}
		assertThat(Ports.accepts(port, Duration.ofMillis(500))).isFalse();
		assertThat(this.root.resolve(".trellis/data/kafka/logs/.kafka_cleanshutdown")).as("clean shutdown marker")
			.exists();
	}

	@Test
	void zipkinStoresSpansOnTheLoopbackAddressAndStopsWithThePlatform() throws Exception {
		ComponentSpec standard = Topology.standard().component("zipkin");
		// The build copies the server jar into this module's target/infra.
		String jar = Path.of("target/infra/zipkin-server.jar").toAbsolutePath().toString();
		Topology topology = Topology.builder()
			.add(withArgument(standard, "--jar", jar).withDefaultPort(TestPorts.next()))
			.build();
		int port;
		try (Platform platform = Platform.builder(this.root)
			.topology(topology)
			.config(ConfigMode.NATIVE)
			.stopTimeout(Duration.ofSeconds(20))
			.build()) {
			platform.start();
			AppProcess zipkin = platform.process("zipkin");
			port = zipkin.port();
			assertThat(platform.applicationEnvironment()).containsEntry(Platform.ZIPKIN_BASE_URL,
					"http://localhost:" + port);
			assertThat(zipkin.log()).anySatisfy((line) -> assertThat(line).startsWith("TRELLIS-READY zipkin"));
			URI base = URI.create("http://127.0.0.1:" + port);
			HttpResponse<String> accepted = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(base.resolve("/api/v2/spans"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("""
							[{"traceId": "463ac35c9f6413ad", "id": "463ac35c9f6413ad", "name": "post /orders",
							  "kind": "SERVER", "timestamp": %d, "duration": 1200,
							  "localEndpoint": {"serviceName": "order-service"}, "tags": {"order.id": "o-1"}}]
							""".formatted(System.currentTimeMillis() * 1000)))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(accepted.statusCode()).isEqualTo(202);
			ZipkinClient client = new ZipkinClient(base);
			// Zipkin stores a span a moment after it accepted it.
			Optional<TraceTree> trace = Optional.empty();
			for (int attempt = 0; attempt < 20 && trace.isEmpty(); attempt++) {
				Thread.sleep(250);
				trace = client.orderPlacement("o-1");
			}
			assertThat(trace)
				.hasValueSatisfying((found) -> assertThat(found.services()).containsExactly("order-service"));
			assertThat(Ports.accepts(port, Duration.ofMillis(500))).isTrue();
		}
		assertThat(Ports.accepts(port, Duration.ofMillis(500))).isFalse();
	}

	private static ComponentSpec withArgument(ComponentSpec component, String name, String value) {
		List<String> arguments = new ArrayList<>(component.arguments());
		arguments.set(arguments.indexOf(name) + 1, value);
		return component.withMainClass(component.mainClass(), arguments.toArray(String[]::new));
	}

	private static void send(String bootstrap, String topic, String key, String value) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 30000);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
	}

	private static int partitions(String bootstrap, String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
		}
	}

	private static Optional<String> firstValue(String bootstrap, String topic, String group) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (System.nanoTime() - deadline < 0) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					return Optional.of(record.value());
				}
			}
			return Optional.empty();
		}
	}

	private static long serverPid(AppProcess postgres) {
		return Long.parseLong(postgres.log()
			.stream()
			.filter((line) -> line.startsWith("TRELLIS-READY"))
			.findFirst()
			.orElseThrow()
			.replaceAll(".*server-pid=", ""));
	}

	private static List<String> databases(int port) throws Exception {
		List<String> names = new ArrayList<>();
		try (Connection connection = DriverManager
			.getConnection("jdbc:postgresql://localhost:" + port + "/catalog?user=postgres");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT datname FROM pg_database")) {
			while (result.next()) {
				names.add(result.getString(1));
			}
		}
		return names;
	}

	private static String ping(int port) throws Exception {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder reply = new StringBuilder();
			int next;
			while ((next = in.read()) != -1 && next != '\r') {
				reply.append((char) next);
			}
			return reply.toString();
		}
	}

}
