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
package dev.trellis.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.trellis.test.postgres.AutoConfigureEmbeddedPostgres;
import dev.trellis.test.security.AutoConfigureTestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.assertj.RestTestClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for the order service's part in the order saga, on a real Kafka
 * broker (embedded, KRaft) and PostgreSQL: the events it publishes on
 * {@code order-events} through its outbox, the inventory's answers it reads from
 * {@code inventory-events}, and cancellation.
 *
 * @author Trellis
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { OrderServiceIntegrationTests.CONFIG_REPO_IMPORT, "ORDER_SERVICE_CLIENT_SECRET=test-secret",
				// About events, not time limits: room for the first calls' token fetch
				// and HTTP client start on a busy machine.
				"trellis.resilience.downstreams.catalog-service.timeout=5s",
				"trellis.resilience.downstreams.inventory-service.timeout=5s",
				// Dead letters without the back-off's waits.
				"spring.cloud.stream.bindings.inventoryEvents-in-0.consumer.back-off-initial-interval=10",
				// Every Kafka client logs its whole configuration at INFO.
				"logging.level.org.apache.kafka=warn" })
@AutoConfigureEmbeddedPostgres
@AutoConfigureTestTokens
@EmbeddedKafka(partitions = 1, topics = { "order-events", "inventory-events", "inventory-events.dlq" },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OrderEventsIntegrationTests {

	private static final String ONE_MUG = """
			{"lines": [{"sku": "TRL-MUG-001", "quantity": 2}]}
			""";

	private static final String STOCK_RESERVED = "dev.trellis.inventory.stock-reserved.v1";

	private static final String STOCK_REJECTED = "dev.trellis.inventory.stock-rejected.v1";

	private static final Duration DEADLINE = Duration.ofSeconds(30);

	private static final DownstreamStub downstreams = DownstreamStub.start();

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private CircuitBreakerRegistry circuitBreakers;

	private OrdersClient orders;

	private KafkaTemplate<String, byte[]> kafka;

	@DynamicPropertySource
	static void downstreams(DynamicPropertyRegistry registry) {
		downstreams.registerAsDownstreams(registry);
	}

	@BeforeEach
	void setUp() {
		this.orders = new OrdersClient(this.port);
		downstreams.reset();
		// Pending orders are made by failing inventory calls: no test inherits the
		// failures of another.
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
		Map<String, Object> producer = KafkaTestUtils.producerProps(this.broker.getBrokersAsString());
		this.kafka = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new ByteArraySerializer()));
	}

	@AfterEach
	void closeProducer() {
		this.kafka.destroy();
	}

	@AfterAll
	static void stopDownstreams() {
		downstreams.close();
	}

	@Test
	void confirmedOrderIsAnnouncedKeyedByItsId() {
		String id = OrdersClient.id(placed(UUID.randomUUID().toString(), "CONFIRMED"));
		ConsumerRecord<String, String> event = awaitEvents("order-events", id, 1).get(0);
		assertThat(event.key()).isEqualTo(id);
		assertThat(header(event, "ce_type")).isEqualTo("dev.trellis.order.confirmed.v1");
		assertThat(header(event, "ce_subject")).isEqualTo(id);
		assertThat(event.value()).contains("\"orderId\":\"" + id + "\"")
			.contains("\"customer\":\"alice\"")
			.contains("\"total\":25.00")
			.contains("\"currency\":\"EUR\"");
	}

	@Test
	void rejectedOrderIsAnnouncedWithItsReason() {
		downstreams.shortOfStock("TRL-MUG-001");
		String id = OrdersClient.id(placed(UUID.randomUUID().toString(), "REJECTED"));
		ConsumerRecord<String, String> event = awaitEvents("order-events", id, 1).get(0);
		assertThat(header(event, "ce_type")).isEqualTo("dev.trellis.order.rejected.v1");
		assertThat(event.value()).contains("TRL-MUG-001");
	}

	@Test
	void pendingOrderAsksTheInventoryToReserveItsLines() {
		downstreams.inventory(DownstreamStub.Behaviour.FAIL);
		String id = OrdersClient.id(placed(UUID.randomUUID().toString(), "PENDING"));
		ConsumerRecord<String, String> event = awaitEvents("order-events", id, 1).get(0);
		assertThat(header(event, "ce_type")).isEqualTo("dev.trellis.order.placed.v1");
		assertThat(event.value()).contains("\"lines\":[{\"sku\":\"TRL-MUG-001\",\"quantity\":2}]");
	}

	@Test
	void stockReservedConfirmsAPendingOrderAndAnnouncesIt() {
		String id = pendingOrder();
		publish(STOCK_RESERVED, id, "{\"orderId\":\"" + id + "\"}");
		awaitStatus(id, "CONFIRMED");
		List<ConsumerRecord<String, String>> events = awaitEvents("order-events", id, 2);
		assertThat(events).extracting((event) -> header(event, "ce_type"))
			.containsExactly("dev.trellis.order.placed.v1", "dev.trellis.order.confirmed.v1");
	}

	@Test
	void stockRejectedRejectsAPendingOrderNamingTheSkus() {
		String id = pendingOrder();
		publish(STOCK_REJECTED, id,
				"{\"orderId\":\"" + id + "\",\"reason\":\"Insufficient stock\",\"skus\":[\"TRL-MUG-001\"]}");
		awaitStatus(id, "REJECTED");
		assertThat(this.orders.get("/orders/" + id, "alice")).bodyJson()
			.extractingPath("$.reason")
			.isEqualTo("Insufficient stock of TRL-MUG-001.");
		assertThat(awaitEvents("order-events", id, 2).get(1).value()).contains("TRL-MUG-001");
	}

	@Test
	void redeliveredAnswerSettlesTheOrderOnce() {
		String id = pendingOrder();
		String eventId = UUID.randomUUID().toString();
		publish(STOCK_RESERVED, id, eventId, "{\"orderId\":\"" + id + "\"}");
		publish(STOCK_RESERVED, id, eventId, "{\"orderId\":\"" + id + "\"}");
		awaitStatus(id, "CONFIRMED");
		// A marker after both: once its answer is applied, both copies were read.
		String marker = pendingOrder();
		publish(STOCK_RESERVED, marker, "{\"orderId\":\"" + marker + "\"}");
		awaitStatus(marker, "CONFIRMED");
		assertThat(awaitEvents("order-events", id, 2)).hasSize(2);
	}

	@Test
	void answerForACancelledOrderChangesNothing() {
		String id = pendingOrder();
		assertThat(this.orders.cancel(id, "alice")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("CANCELLED");
		publish(STOCK_RESERVED, id, "{\"orderId\":\"" + id + "\"}");
		String marker = pendingOrder();
		publish(STOCK_RESERVED, marker, "{\"orderId\":\"" + marker + "\"}");
		awaitStatus(marker, "CONFIRMED");
		assertThat(this.orders.get("/orders/" + id, "alice")).bodyJson()
			.extractingPath("$.status")
			.isEqualTo("CANCELLED");
		assertThat(awaitEvents("order-events", id, 2)).extracting((event) -> header(event, "ce_type"))
			.containsExactly("dev.trellis.order.placed.v1", "dev.trellis.order.cancelled.v1");
	}

	@Test
	void cancellingAConfirmedOrderAnnouncesItOnce() {
		String id = OrdersClient.id(placed(UUID.randomUUID().toString(), "CONFIRMED"));
		assertThat(this.orders.cancel(id, "alice")).hasStatusOk().bodyJson().isLenientlyEqualTo("""
				{"status": "CANCELLED", "reason": "Cancelled by the customer."}
				""");
		assertThat(this.orders.cancel(id, "alice")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("CANCELLED");
		assertThat(awaitEvents("order-events", id, 2)).extracting((event) -> header(event, "ce_type"))
			.containsExactly("dev.trellis.order.confirmed.v1", "dev.trellis.order.cancelled.v1");
	}

	@Test
	void rejectedOrderCannotBeCancelled() {
		downstreams.shortOfStock("TRL-MUG-001");
		String id = OrdersClient.id(placed(UUID.randomUUID().toString(), "REJECTED"));
		RestTestClientResponse response = this.orders.cancel(id, "alice");
		assertThat(response).hasStatus(409);
		assertThat(response).bodyJson().isLenientlyEqualTo("""
				{"status": 409, "title": "Order not cancellable", "orderStatus": "REJECTED"}
				""");
	}

	@Test
	void anotherCustomersOrderCannotBeCancelled() {
		String id = OrdersClient.id(placed(UUID.randomUUID().toString(), "CONFIRMED"));
		assertThat(this.orders.cancel(id, "mallory")).hasStatus(404);
		assertThat(this.orders.get("/orders/" + id, "alice")).bodyJson()
			.extractingPath("$.status")
			.isEqualTo("CONFIRMED");
	}

	@Test
	void unreadableAnswerIsDeadLetteredAndTheNextOneApplied() {
		String id = pendingOrder();
		publish(STOCK_RESERVED, id, "{\"orderId\": 42");
		publish(STOCK_RESERVED, id, "{\"orderId\":\"" + id + "\"}");
		awaitStatus(id, "CONFIRMED");
		ConsumerRecord<String, String> deadLetter = awaitEvents("inventory-events.dlq", id, 1).get(0);
		assertThat(deadLetter.value()).isEqualTo("{\"orderId\": 42");
		assertThat(header(deadLetter, "x-exception-message")).contains("not a readable StockReserved");
	}

	private RestTestClientResponse placed(String key, String expectedStatus) {
		RestTestClientResponse response = this.orders.place(key, ONE_MUG, "alice");
		assertThat(response).hasStatus(201).bodyJson().extractingPath("$.status").isEqualTo(expectedStatus);
		return response;
	}

	private String pendingOrder() {
		downstreams.inventory(DownstreamStub.Behaviour.FAIL);
		try {
			return OrdersClient.id(placed(UUID.randomUUID().toString(), "PENDING"));
		}
		finally {
			downstreams.inventory(DownstreamStub.Behaviour.WORK);
		}
	}

	private void publish(String type, String orderId, String data) {
		publish(type, orderId, UUID.randomUUID().toString(), data);
	}

	private void publish(String type, String orderId, String eventId, String data) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>("inventory-events", orderId,
				data.getBytes(StandardCharsets.UTF_8));
		record.headers()
			.add("ce_specversion", bytes("1.0"))
			.add("ce_id", bytes(eventId))
			.add("ce_type", bytes(type))
			.add("ce_source", bytes("/inventory-service"))
			.add("ce_subject", bytes(orderId))
			.add("content-type", bytes("application/json"));
		this.kafka.send(record).join();
	}

	private void awaitStatus(String id, String status) {
		Awaitility.await()
			.atMost(DEADLINE)
			.untilAsserted(() -> assertThat(this.orders.get("/orders/" + id, "alice")).bodyJson()
				.extractingPath("$.status")
				.isEqualTo(status));
	}

	/**
	 * Wait until a topic holds at least the expected number of records of a key, and
	 * return them all, in their order.
	 */
	private List<ConsumerRecord<String, String>> awaitEvents(String topic, String key, int expected) {
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		Awaitility.await().atMost(DEADLINE).until(() -> {
			found.clear();
			found.addAll(records(topic, key));
			return found.size() >= expected;
		});
		return found;
	}

	private List<ConsumerRecord<String, String>> records(String topic, String key) {
		Map<String, Object> properties = KafkaTestUtils.consumerProps(this.broker.getBrokersAsString(), "test", false);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(),
				new StringDeserializer())
			.createConsumer()) {
			TopicPartition partition = new TopicPartition(topic, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			while (consumer.position(partition) < end) {
				consumer.poll(Duration.ofMillis(500))
					.records(partition)
					.stream()
					.filter((record) -> key.equals(record.key()))
					.forEach(records::add);
			}
			return records;
		}
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
