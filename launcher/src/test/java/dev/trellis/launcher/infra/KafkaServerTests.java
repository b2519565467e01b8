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

import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KafkaServer}.
 *
 * @author Trellis authors
 */
class KafkaServerTests {

	private final Properties properties = KafkaServer.properties(19092, 19093, Path.of("/data/kafka/logs"));

	@Test
	void oneNodeIsBrokerAndControllerOnTheLoopbackAddress() {
		KafkaConfig config = KafkaConfig.fromProps(this.properties, false);
		assertThat(config.processRoles().size()).isEqualTo(2);
		assertThat(this.properties).containsEntry("process.roles", "broker,controller")
			.containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
			.containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
			.containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
			.containsEntry("log.dirs", Path.of("/data/kafka/logs").toString());
	}

	@Test
	void topicsAreCreatedOnFirstUseWithThreePartitionsAndOneReplica() {
		KafkaConfig config = KafkaConfig.fromProps(this.properties, false);
		assertThat(config.autoCreateTopicsEnable()).isTrue();
		assertThat(config.numPartitions()).isEqualTo(3);
		assertThat(config.defaultReplicationFactor()).isEqualTo(1);
		assertThat(config.minInSyncReplicas()).isEqualTo(1);
	}

	@Test
	void internalTopicsFitOnOneNode() {
		assertThat(this.properties).containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.replication.factor", "1")
			.containsEntry("transaction.state.log.min.isr", "1")
			.containsEntry("share.coordinator.state.topic.replication.factor", "1");
	}

}
