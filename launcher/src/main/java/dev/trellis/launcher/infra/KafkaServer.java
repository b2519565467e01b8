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

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.trellis.launcher.process.Ports;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * Runs a single-node Apache Kafka broker in KRaft mode for the platform: broker and
 * controller in this JVM, plain text on the loopback address. Formats the storage on the
 * first start (the cluster id stays in the data directory), prints the ready line once an
 * admin client sees the cluster, and shuts the broker down cleanly when its JVM shuts
 * down.
 * <p>
 * Usage: {@code KafkaServer --port 19092 --controller-port 19093 --data DIR}. Clients
 * connect to {@code 127.0.0.1:PORT}; topics are created on first use with
 * {@value #PARTITIONS} partitions and one replica.
 *
 * @author Trellis authors
 */
public final class KafkaServer {

	static final String HOST = "127.0.0.1";

	/** Partitions of a topic created on first use: enough to see per-key ordering. */
	static final int PARTITIONS = 3;

	private static final int NODE_ID = 1;

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private KafkaServer() {
	}

	/**
	 * Starts the broker and blocks until the JVM shuts down.
	 * @param args the arguments
	 * @throws Exception when the broker cannot start
	 */
	public static void main(String[] args) throws Exception {
		WrapperArguments arguments = WrapperArguments.parse(args, Set.of("port", "controller-port", "data"));
		int port = arguments.port();
		int controllerPort = Integer.parseInt(arguments.required("controller-port"));
		Path data = arguments.path("data");
		configureLogging();
		Ports.checkFree(controllerPort).ifPresent((reason) -> {
			throw new IllegalStateException(
					"Port " + controllerPort + " (the Kafka controller) is already in use: " + reason);
		});
		Path logDirectory = data.resolve("logs");
		Files.createDirectories(logDirectory);
		Properties properties = properties(port, controllerPort, logDirectory);
		Path config = data.resolve("server.properties");
		write(properties, config);
		formatOnce(config, logDirectory);
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "kafka-stop"));
		try {
			server.startup();
			awaitCluster(port);
		}
		catch (Exception ex) {
			// Kafka's threads would keep the JVM alive: exit, the hook stops what started
			System.err.println("Kafka did not start: " + ex);
			ex.printStackTrace();
			System.exit(1);
		}
		Wrappers.printReady("kafka", port, -1);
		Wrappers.awaitShutdown();
	}

	/**
	 * Returns the broker configuration.
	 * @param port the port of the clients' listener
	 * @param controllerPort the port of the controller listener
	 * @param logDirectory where the partitions and the metadata log live
	 * @return the configuration
	 */
	static Properties properties(int port, int controllerPort, Path logDirectory) {
		Properties properties = new Properties();
		// one node that is its own controller, with a static quorum of one voter
		properties.setProperty("process.roles", "broker,controller");
		properties.setProperty("node.id", Integer.toString(NODE_ID));
		properties.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
		properties.setProperty("listeners",
				"PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
		properties.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
		properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.setProperty("controller.listener.names", "CONTROLLER");
		properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
		properties.setProperty("log.dirs", logDirectory.toString());
		// topics appear on first use, like on a developer's broker; services may still
		// declare theirs
		properties.setProperty("auto.create.topics.enable", "true");
		properties.setProperty("num.partitions", Integer.toString(PARTITIONS));
		// a single node: every internal topic has one replica (the defaults of 3 would
		// never be satisfied)
		properties.setProperty("default.replication.factor", "1");
		properties.setProperty("min.insync.replicas", "1");
		properties.setProperty("offsets.topic.replication.factor", "1");
		properties.setProperty("transaction.state.log.replication.factor", "1");
		properties.setProperty("transaction.state.log.min.isr", "1");
		properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
		properties.setProperty("share.coordinator.state.topic.min.isr", "1");
		// a consumer group forms at once instead of waiting 3 s for more members
		properties.setProperty("group.initial.rebalance.delay.ms", "0");
		// sized for a laptop running the whole platform: two cores, a small heap (the
		// cleaner's 128 MB default dedupe buffer would take a third of it)
		properties.setProperty("num.network.threads", "2");
		properties.setProperty("num.io.threads", "4");
		properties.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
		return properties;
	}

	private static void write(Properties properties, Path file) throws IOException {
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
			properties.store(writer, "Written by the Trellis launcher (KafkaServer) at every start");
		}
	}

	/**
	 * Formats the storage unless it already is: the first start picks the cluster id,
	 * which {@code meta.properties} keeps from then on.
	 */
	private static void formatOnce(Path config, Path logDirectory) {
		if (Files.exists(logDirectory.resolve("meta.properties"))) {
			return;
		}
		String clusterId = Uuid.randomUuid().toString();
		int exitCode = StorageTool.execute(new String[] { "format", "--config", config.toString(), "--cluster-id",
				clusterId, "--ignore-formatted" }, System.out);
		if (exitCode != 0) {
			throw new IllegalStateException("Cannot format the Kafka storage in " + logDirectory);
		}
	}

	/**
	 * Waits until an admin client sees the cluster with this broker in it.
	 */
	private static void awaitCluster(int port) throws InterruptedException {
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, HOST + ":" + port,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				10000);
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		try (Admin admin = Admin.create(config)) {
			while (true) {
				try {
					if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
						return;
					}
				}
				catch (ExecutionException | TimeoutException ex) {
					// not serving yet
				}
				if (System.nanoTime() - deadline > 0) {
					throw new IllegalStateException(
							"Kafka does not describe its cluster within " + READY_TIMEOUT.toSeconds() + " s");
				}
				Thread.sleep(200);
			}
		}
	}

	/**
	 * Kafka logs through SLF4J: to slf4j-simple under {@code ./trellis}, to Logback on a
	 * test class path, whose default would be DEBUG. The JVM's own settings win.
	 */
	private static void configureLogging() {
		setDefault("org.slf4j.simpleLogger.showDateTime", "true");
		setDefault("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
		// the broker and its admin client print all their settings at INFO (1500 lines)
		setDefault("org.slf4j.simpleLogger.log.org.apache.kafka.common.config.AbstractConfig", "warn");
		setDefault("logback.configurationFile", "dev/trellis/launcher/infra/kafka-logback.xml");
	}

	private static void setDefault(String name, String value) {
		if (System.getProperty(name) == null) {
			System.setProperty(name, value);
		}
	}

}
