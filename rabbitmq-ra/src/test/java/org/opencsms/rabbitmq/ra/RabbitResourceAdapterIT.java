package org.opencsms.rabbitmq.ra;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.opencsms.rabbitmq.ra.RecordingEndpointFactory.Received;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Drives the adapter outside an application server against the real local RabbitMQ: the test plays the
 * server (BootstrapContext, WorkManager, endpoint factory); broker and client are real.
 */
class RabbitResourceAdapterIT {

    private static final long WAIT_MS = 15_000;

    private TestBroker broker;
    private TestBootstrapContext context;
    private RabbitResourceAdapter adapter;
    private String connectionName;
    private String prefix;
    private final List<LogRecord> logs = new CopyOnWriteArrayList<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logs.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void setUp(TestInfo info) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        prefix = "ra-it." + info.getTestMethod().orElseThrow().getName() + "." + unique;
        connectionName = "rabbitmq-ra-it-" + unique;
        broker = new TestBroker();
        context = new TestBootstrapContext();
        adapter = new RabbitResourceAdapter();
        adapter.setUri(TestBroker.URI);
        adapter.setConnectionName(connectionName);
        adapter.setRecoveryIntervalMs(500);
        adapter.setSupervisionIntervalMs(250);
        adapter.start(context);
        RabbitResourceAdapter.LOG.addHandler(logCapture);
    }

    @AfterEach
    void tearDown() throws Exception {
        RabbitResourceAdapter.LOG.removeHandler(logCapture);
        adapter.stop();
        context.close();
        broker.close();
    }

    @Test
    void queueMessagesAreAcknowledgedOnlyAfterTheEndpointSucceeded() throws Exception {
        String queue = queue("q");
        RabbitActivationSpec spec = queueSpec(queue);
        spec.setMaxSessions(3);
        spec.setPrefetch(2);
        Map<String, Integer> attempts = new ConcurrentHashMap<>();
        RecordingEndpointFactory endpoints = new RecordingEndpointFactory().behaviour(r -> {
            int attempt = attempts.merge(r.text(), 1, Integer::sum);
            if (r.text().startsWith("fail-once") && attempt == 1 || r.text().equals("fail-twice") && attempt <= 2) {
                throw new IllegalStateException("test failure " + attempt + " of " + r.text());
            }
        });
        endpoints.failAfterDelivery(1); // the first delivery's commit fails: counts as a failed attempt too
        RabbitActivation activation = activate(endpoints, spec);

        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            texts.add("m-" + i);
        }
        texts.addAll(List.of("fail-once-1", "fail-once-2", "fail-twice"));
        for (String text : texts) {
            broker.sendToQueue(queue, text, Map.of());
        }

        await("all messages processed", () -> new HashSet<>(endpoints.succeededTexts()).size() == texts.size());
        Thread.sleep(300); // would reveal late duplicates
        List<String> succeeded = endpoints.succeededTexts();
        assertEquals(texts.size(), succeeded.size(), "each message succeeds exactly once: " + succeeded);
        assertEquals(new HashSet<>(texts), new HashSet<>(succeeded));

        List<Received> failTwice = endpoints.received("fail-twice");
        assertEquals(3, failTwice.size(), "fail-twice is delivered until it succeeds");
        assertFalse(failTwice.get(0).redelivered());
        assertTrue(failTwice.get(1).redelivered() && failTwice.get(2).redelivered(), "later deliveries are redeliveries");
        assertEquals(2, endpoints.received("fail-once-1").size());
        assertEquals(texts.size() + 4 + 1, endpoints.received().size(), "3 bean failures and 1 failed commit redelivered");

        assertEquals(List.of(), endpoints.protocolErrors());
        assertTrue(endpoints.creatingThreads().stream().allMatch(t -> t.startsWith(TestBootstrapContext.WORK_THREAD_PREFIX)),
                "endpoints are created in WorkManager work: " + endpoints.creatingThreads());
        assertTrue(endpoints.received().stream().allMatch(r -> r.thread().startsWith(TestBootstrapContext.WORK_THREAD_PREFIX)));
        assertEquals(endpoints.created(), endpoints.released(), "every endpoint released");
        assertClientThreadsUseAdapterClassLoader(queue);
        assertEquals(0, activation.failures().size(), "no failure counts left behind");

        adapter.endpointDeactivation(endpoints, spec);
        AMQP.Queue.DeclareOk state = broker.inspect(queue);
        assertEquals(0, state.getMessageCount(), "everything was acknowledged");
        assertEquals(0, state.getConsumerCount());
    }

    @Test
    void topicSelectorDeliversOnlyMatchingMessages() throws Exception {
        String topic = prefix + ".topic";
        RabbitActivationSpec onlyA = topicSpec(topic, null);
        onlyA.setMessageSelector("kind = 'a'");
        String subscription = subscription("others");
        RabbitActivationSpec others = topicSpec(topic, subscription);
        others.setMessageSelector("kind <> 'a'");
        RecordingEndpointFactory a = new RecordingEndpointFactory();
        RecordingEndpointFactory b = new RecordingEndpointFactory();
        activate(a, onlyA);
        activate(b, others);

        for (int i = 0; i < 12; i++) {
            String kind = i < 10 ? (i % 2 == 0 ? "a" : "b") : "c";
            broker.publishToTopic(topic, kind + "-" + i, Map.of("kind", kind));
        }

        await("selected messages", () -> a.succeeded().size() >= 5 && b.succeeded().size() >= 7);
        Thread.sleep(300);
        assertEquals(Set.of("a-0", "a-2", "a-4", "a-6", "a-8"), new HashSet<>(a.succeededTexts()));
        assertEquals(5, a.succeeded().size());
        assertEquals(Set.of("b-1", "b-3", "b-5", "b-7", "b-9", "c-10", "c-11"), new HashSet<>(b.succeededTexts()));
        assertEquals(7, b.succeeded().size());
    }

    @Test
    void sharedDurableSubscriptionCompetesAndKeepsMessagesWhileInactive() throws Exception {
        String topic = prefix + ".topic";
        String subscription = subscription("shared");
        RabbitActivationSpec spec1 = topicSpec(topic, subscription);
        RabbitActivationSpec spec2 = topicSpec(topic, subscription);
        RecordingEndpointFactory node1 = new RecordingEndpointFactory();
        RecordingEndpointFactory node2 = new RecordingEndpointFactory();
        activate(node1, spec1);
        activate(node2, spec2);

        for (int i = 0; i < 40; i++) {
            broker.publishToTopic(topic, "event-" + i, Map.of());
        }
        await("40 events", () -> node1.succeeded().size() + node2.succeeded().size() >= 40);
        Thread.sleep(300);
        List<String> all = new ArrayList<>(node1.succeededTexts());
        all.addAll(node2.succeededTexts());
        assertEquals(40, all.size(), "each event once across both activations");
        assertEquals(40, new HashSet<>(all).size());
        assertTrue(node1.succeeded().size() > 0 && node2.succeeded().size() > 0,
                "both activations consume: " + node1.succeeded().size() + "/" + node2.succeeded().size());

        adapter.endpointDeactivation(node1, spec1);
        adapter.endpointDeactivation(node2, spec2);
        for (int i = 0; i < 5; i++) {
            broker.publishToTopic(topic, "late-" + i, Map.of());
        }
        assertEquals(5, broker.inspect(subscription).getMessageCount(), "kept while no activation is active");

        RecordingEndpointFactory node3 = new RecordingEndpointFactory();
        activate(node3, topicSpec(topic, subscription));
        await("late events", () -> node3.succeeded().size() >= 5);
        assertEquals(Set.of("late-0", "late-1", "late-2", "late-3", "late-4"), new HashSet<>(node3.succeededTexts()));
    }

    @Test
    void poisonMessageIsDeadLetteredAndOthersKeepFlowing() throws Exception {
        String queue = queue("q");
        RabbitActivationSpec spec = queueSpec(queue);
        spec.setMaxSessions(1); // the one session must not get stuck on the poison
        spec.setMaxDeliveries(3);
        RecordingEndpointFactory endpoints = new RecordingEndpointFactory().behaviour(r -> {
            if ("poison".equals(r.text())) {
                throw new IllegalArgumentException("cannot process poison");
            }
        });
        activate(endpoints, spec);

        broker.sendToQueue(queue, "before", Map.of());
        broker.sendToQueue(queue, "poison", Map.of("chargerId", "CP-1"));
        for (int i = 1; i <= 3; i++) {
            broker.sendToQueue(queue, "after-" + i, Map.of());
        }

        Message dead = broker.receive(spec.getDeadLetterQueue(), WAIT_MS);
        assertNotNull(dead, "poison message in the dead-letter queue");
        assertEquals("poison", ((TextMessage) dead).getText());
        assertEquals("CP-1", dead.getStringProperty("chargerId"), "properties are kept");
        assertEquals(queue, dead.getStringProperty("csmsOriginalDestination"));
        assertTrue(dead.getStringProperty("csmsFailure").contains("IllegalArgumentException: cannot process poison"),
                dead.getStringProperty("csmsFailure"));
        assertEquals(3, dead.getIntProperty("csmsDeliveryAttempts"));
        String poisonId = endpoints.received("poison").get(0).messageId();
        assertEquals(poisonId, dead.getStringProperty("csmsOriginalMessageId"));

        await("other messages", () -> endpoints.succeededTexts().containsAll(List.of("before", "after-1", "after-2", "after-3")));
        Thread.sleep(500);
        assertEquals(3, endpoints.received("poison").size(), "not delivered again after dead-lettering");
        assertNull(broker.receive(spec.getDeadLetterQueue(), 200), "dead-lettered once");

        broker.sendToQueue(queue, "after-dead-letter", Map.of());
        await("flow continues", () -> endpoints.succeededTexts().contains("after-dead-letter"));

        List<LogRecord> deadLetterLogs = logs.stream()
                .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .filter(r -> r.getMessage().contains("Dead-lettered")).collect(Collectors.toList());
        assertEquals(1, deadLetterLogs.size(), "one log line per dead-lettered message");
        String line = deadLetterLogs.get(0).getMessage();
        assertTrue(line.contains(queue) && line.contains(poisonId) && line.contains("cannot process poison"), line);

        adapter.endpointDeactivation(endpoints, spec);
        assertEquals(0, broker.inspect(queue).getMessageCount());
    }

    @Test
    void redeliveriesAreSpacedByTheBackoff() throws Exception {
        String queue = queue("q");
        RabbitActivationSpec spec = queueSpec(queue);
        spec.setMaxSessions(2);
        spec.setMaxDeliveries(5);
        spec.setRedeliveryDelayMs(200);
        spec.setMaxRedeliveryDelayMs(500);
        RecordingEndpointFactory endpoints = new RecordingEndpointFactory().behaviour(r -> {
            throw new IllegalStateException("always fails");
        });
        activate(endpoints, spec);

        broker.sendToQueue(queue, "failing", Map.of());
        assertNotNull(broker.receive(spec.getDeadLetterQueue(), WAIT_MS), "dead-lettered at last");

        List<Received> deliveries = endpoints.received("failing");
        assertEquals(5, deliveries.size());
        long[] expected = {200, 400, 500, 500};
        for (int i = 1; i < deliveries.size(); i++) {
            long gapMs = TimeUnit.NANOSECONDS.toMillis(deliveries.get(i).nanoTime() - deliveries.get(i - 1).nanoTime());
            assertTrue(gapMs >= expected[i - 1], "gap " + i + " was " + gapMs + " ms, expected at least " + expected[i - 1]);
            assertTrue(gapMs < expected[i - 1] + 2000, "gap " + i + " was " + gapMs + " ms: far too long");
        }
    }

    @Test
    void amqpQueueKeepsWhatWasPublishedBeforeAndComesBackAfterTheQueueWasDeleted() throws Exception {
        String queue = queue("amqp");
        // published by a plain AMQP client before anyone consumes: the publisher declared the queue
        try (Channel ch = broker.amqpChannel()) {
            ch.queueDeclare(queue, true, false, false, null);
            publishAmqp(ch, queue, "before", Map.of("type", "StatusChanged"));
        }
        RabbitActivationSpec spec = queueSpec(queue);
        spec.setMessageFormat(RabbitActivationSpec.AMQP_FORMAT);
        spec.setMaxSessions(2);
        RecordingEndpointFactory endpoints = new RecordingEndpointFactory();
        RabbitActivation activation = activate(endpoints, spec);
        await("the message published before the consumer", () -> endpoints.succeededTexts().contains("before"));
        assertEquals("StatusChanged", endpoints.received("before").get(0).property("type"),
                "AMQP headers are the message's string properties");

        // an operator deletes the queue: the broker cancels the consumers; the adapter notices, declares
        // the queue again and consumes it
        try (Channel ch = broker.amqpChannel()) {
            ch.queueDelete(queue);
        }
        await("the queue declared again", () -> {
            try (Channel ch = broker.amqpChannel()) {
                return ch.queueDeclarePassive(queue).getConsumerCount() == 2;
            } catch (Exception e) {
                return false;
            }
        });
        try (Channel ch = broker.amqpChannel()) {
            publishAmqp(ch, queue, "after", Map.of("type", "MeterValues"));
        }
        await("consumed again after the deletion", () -> endpoints.succeededTexts().contains("after"));
        assertTrue(logs.stream().anyMatch(r -> r.getMessage().contains("cancelled the consumers")));
        assertTrue(activation.isConsuming());
        adapter.endpointDeactivation(endpoints, spec);
        assertEquals(0, broker.inspect(queue).getMessageCount());
    }

    /** A mandatory, persistent text message as the gateway publishes events. */
    private static void publishAmqp(Channel ch, String queue, String text, Map<String, Object> headers) throws Exception {
        Map<String, Object> all = new java.util.HashMap<>(headers);
        all.put("JMSType", "TextMessage");
        ch.confirmSelect();
        ch.basicPublish("", queue, true, new AMQP.BasicProperties.Builder().deliveryMode(2)
                .messageId(UUID.randomUUID().toString()).headers(all).build(),
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ch.waitForConfirmsOrDie(WAIT_MS);
    }

    @Test
    void deliveryResumesAfterTheBrokerClosesTheConnection() throws Exception {
        String topic = prefix + ".topic";
        RabbitActivationSpec topicSpec = topicSpec(topic, null);
        topicSpec.setMessageSelector("kind = 'x'");
        RecordingEndpointFactory topicEndpoints = new RecordingEndpointFactory();
        RabbitActivation topicActivation = activate(topicEndpoints, topicSpec);

        String queue = queue("q");
        RabbitActivationSpec spec = queueSpec(queue);
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RecordingEndpointFactory endpoints = new RecordingEndpointFactory().behaviour(r -> {
            if ("in-flight".equals(r.text()) && inFlight.getCount() > 0) {
                inFlight.countDown();
                release.await(WAIT_MS, TimeUnit.MILLISECONDS);
            }
        });
        RabbitActivation activation = activate(endpoints, spec);
        broker.sendToQueue(queue, "first", Map.of());
        await("first", () -> endpoints.succeededTexts().contains("first"));

        broker.sendToQueue(queue, "in-flight", Map.of());
        assertTrue(inFlight.await(WAIT_MS, TimeUnit.MILLISECONDS));
        assertEquals(2, TestBroker.closeConnectionsNamed(connectionName), "closed the adapter's connections");
        release.countDown(); // the bean returns, but the acknowledgement can no longer reach the broker

        await("recovered", () -> activation.isConsuming() && topicActivation.isConsuming());
        broker.sendToQueue(queue, "after-recovery", Map.of());
        await("delivery resumes", () -> endpoints.succeededTexts().contains("after-recovery"));
        broker.publishToTopic(topic, "y-after-recovery", Map.of("kind", "y"));
        broker.publishToTopic(topic, "x-after-recovery", Map.of("kind", "x"));
        await("topic delivery resumes", () -> topicEndpoints.succeededTexts().contains("x-after-recovery"));
        assertEquals(List.of("x-after-recovery"), topicEndpoints.succeededTexts(), "the recovered selector still filters");
        assertSame(topicActivation, adapter.activation(topicEndpoints, topicSpec));
        await("the unacknowledged message comes back", () -> endpoints.received("in-flight").size() >= 2);
        assertTrue(endpoints.received("in-flight").get(1).redelivered());
        assertSame(activation, adapter.activation(endpoints, spec), "no re-activation");
        assertTrue(logs.stream().anyMatch(r -> r.getMessage().contains("Recovered the RabbitMQ connection")));

        adapter.endpointDeactivation(endpoints, spec);
        assertEquals(0, broker.inspect(queue).getMessageCount());
    }

    @Test
    void brokerUnreachableAtActivationIsRetriedUntilItAnswers() throws Exception {
        int port = LoopbackProxy.freePort();
        RabbitResourceAdapter late = new RabbitResourceAdapter();
        late.setUri("amqp://guest:guest@127.0.0.1:" + port);
        late.setConnectionName(connectionName + "-late");
        late.setSupervisionIntervalMs(100);
        late.start(context);
        String queue = queue("q");
        RabbitActivationSpec spec = queueSpec(queue);
        RecordingEndpointFactory endpoints = new RecordingEndpointFactory();
        try {
            spec.setResourceAdapter(late);
            late.endpointActivation(endpoints, spec); // does not fail: the broker may come up later
            RabbitActivation activation = late.activation(endpoints, spec);
            await("first connection failure logged", () -> logs.stream()
                    .anyMatch(r -> r.getLevel() == Level.SEVERE && r.getMessage().contains("Cannot consume from queue " + queue)));
            assertFalse(activation.isConsuming());

            try (LoopbackProxy proxy = LoopbackProxy.start(port, 5672)) {
                assertTrue(activation.awaitConsuming(WAIT_MS), "connected once the broker answered");
                broker.sendToQueue(queue, "finally", Map.of());
                await("delivered", () -> endpoints.succeededTexts().contains("finally"));
                late.endpointDeactivation(endpoints, spec);
            }
        } finally {
            late.stop();
        }
    }

    @Test
    void deactivationStopsDelivery() throws Exception {
        String queue = queue("q");
        RabbitActivationSpec spec = queueSpec(queue);
        RecordingEndpointFactory endpoints = new RecordingEndpointFactory();
        activate(endpoints, spec);
        broker.sendToQueue(queue, "one", Map.of());
        await("one", () -> endpoints.succeeded().size() == 1);

        adapter.endpointDeactivation(endpoints, spec);
        assertNull(adapter.activation(endpoints, spec));
        int createdAtDeactivation = endpoints.created();
        broker.sendToQueue(queue, "two", Map.of());
        broker.sendToQueue(queue, "three", Map.of());
        Thread.sleep(1000);
        assertEquals(List.of("one"), endpoints.succeededTexts());
        assertEquals(createdAtDeactivation, endpoints.created(), "no endpoint created after deactivation");
        AMQP.Queue.DeclareOk state = broker.inspect(queue);
        assertEquals(2, state.getMessageCount(), "left on the queue");
        assertEquals(0, state.getConsumerCount());
        assertEquals(0, TestBroker.closeConnectionsNamed(connectionName), "connection closed");
    }

    @Test
    void deactivationDuringARedeliveryDelayIsPromptAndKeepsTheMessage() throws Exception {
        String queue = queue("q");
        RabbitActivationSpec spec = queueSpec(queue);
        spec.setRedeliveryDelayMs(20_000);
        spec.setMaxRedeliveryDelayMs(20_000);
        RecordingEndpointFactory endpoints = new RecordingEndpointFactory().behaviour(r -> {
            throw new IllegalStateException("fails");
        });
        activate(endpoints, spec);
        broker.sendToQueue(queue, "waiting", Map.of());
        await("first delivery", () -> endpoints.received().size() == 1);
        Thread.sleep(100);

        long start = System.nanoTime();
        adapter.endpointDeactivation(endpoints, spec);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(tookMs < 5000, "deactivation waited out the redelivery delay: " + tookMs + " ms");
        assertEquals(1, broker.inspect(queue).getMessageCount(), "the message went back to the queue");
        assertEquals(1, endpoints.received().size());
    }

    @Test
    void unusableDeadLetterQueueKeepsTheMessageUntilItWorks() throws Exception {
        String queue = queue("q");
        RabbitActivationSpec spec = queueSpec(queue);
        spec.setMaxSessions(1);
        spec.setMaxDeliveries(2);
        String dlq = spec.getDeadLetterQueue();
        try (Channel ch = broker.amqpChannel()) {
            // a non-durable queue of that name: the client's durable declaration fails with PRECONDITION_FAILED
            ch.queueDeclare(dlq, false, false, false, null);
        }
        RecordingEndpointFactory endpoints = new RecordingEndpointFactory().behaviour(r -> {
            if (r.text().equals("poison")) {
                throw new IllegalStateException("poison");
            }
        });
        activate(endpoints, spec);
        broker.sendToQueue(queue, "poison", Map.of());
        await("dead-lettering failed", () -> logs.stream()
                .anyMatch(r -> r.getLevel() == Level.SEVERE && r.getMessage().contains("Could not dead-letter")));
        try (Channel ch = broker.amqpChannel()) {
            ch.queueDelete(dlq);
        }
        Message dead = broker.receive(dlq, WAIT_MS);
        assertNotNull(dead, "dead-lettered once the queue is usable");
        assertEquals("poison", ((TextMessage) dead).getText());
        broker.sendToQueue(queue, "fine", Map.of());
        await("flow continues", () -> endpoints.succeededTexts().contains("fine"));
        adapter.endpointDeactivation(endpoints, spec);
        assertEquals(0, broker.inspect(queue).getMessageCount());
    }

    @Test
    void sessionWhoseChannelDiesIsReplaced() throws Exception {
        String queue = queue("q");
        RabbitActivationSpec spec = queueSpec(queue);
        spec.setMaxSessions(2);
        RecordingEndpointFactory endpoints = new RecordingEndpointFactory();
        RabbitActivation activation = activate(endpoints, spec);
        Channel dying = activation.sessions().get(0).channel();
        assertNotNull(dying, "the adapter reaches the session's channel");

        dying.close();
        await("replacement session", () -> activation.isConsuming()
                && activation.sessions().stream().noneMatch(s -> s.channel() == dying));
        assertNotSame(dying, activation.sessions().get(0).channel());
        assertEquals(2, broker.inspect(queue).getConsumerCount());

        for (int i = 0; i < 6; i++) {
            broker.sendToQueue(queue, "m-" + i, Map.of());
        }
        await("delivery continues", () -> endpoints.succeeded().size() == 6);
    }

    @Test
    void endpointNotReachedDoesNotCountAsDeliveryAttempt() throws Exception {
        String queue = queue("q");
        RabbitActivationSpec spec = queueSpec(queue);
        spec.setMaxSessions(1);
        spec.setMaxDeliveries(1); // a counted failure would dead-letter at once
        RecordingEndpointFactory endpoints = new RecordingEndpointFactory();
        endpoints.unavailableFor(2);
        endpoints.failBeforeDelivery(1);
        activate(endpoints, spec);

        broker.sendToQueue(queue, "patient", Map.of());
        await("delivered once the endpoint is reachable", () -> endpoints.succeededTexts().contains("patient"));
        assertEquals(1, endpoints.received("patient").size());
        assertTrue(endpoints.creatingThreads().size() >= 4, "two unavailable, one failed beforeDelivery, one delivered");
        assertNull(broker.receive(spec.getDeadLetterQueue(), 200));
        assertEquals(List.of(), endpoints.protocolErrors());
    }

    // ---------------------------------------------------------------------------------------------

    private RabbitActivation activate(RecordingEndpointFactory endpoints, RabbitActivationSpec spec) throws Exception {
        spec.setResourceAdapter(adapter);
        adapter.endpointActivation(endpoints, spec);
        RabbitActivation activation = adapter.activation(endpoints, spec);
        assertNotNull(activation);
        if (!activation.awaitConsuming(WAIT_MS)) {
            fail("activation did not start consuming: " + spec);
        }
        return activation;
    }

    private String queue(String name) {
        String queue = prefix + "." + name;
        broker.deleteQueueAfterTest(queue);
        return queue;
    }

    private String subscription(String name) {
        String subscription = prefix + ".sub-" + name;
        broker.deleteQueueAfterTest(subscription);
        return subscription;
    }

    private RabbitActivationSpec queueSpec(String queue) {
        RabbitActivationSpec spec = new RabbitActivationSpec();
        spec.setDestinationName(queue);
        spec.setDestinationType(RabbitActivationSpec.QUEUE);
        spec.setRedeliveryDelayMs(50);
        spec.setMaxRedeliveryDelayMs(200);
        spec.setDeadLetterQueue(queue("dlq"));
        return spec;
    }

    private RabbitActivationSpec topicSpec(String topic, String subscriptionName) {
        RabbitActivationSpec spec = new RabbitActivationSpec();
        spec.setDestinationName(topic);
        spec.setDestinationType(RabbitActivationSpec.TOPIC);
        spec.setSubscriptionName(subscriptionName);
        spec.setMaxSessions(2);
        spec.setRedeliveryDelayMs(50);
        spec.setMaxRedeliveryDelayMs(200);
        String dlq = prefix + ".dlq";
        broker.deleteQueueAfterTest(dlq);
        spec.setDeadLetterQueue(dlq);
        return spec;
    }

    private static void assertClientThreadsUseAdapterClassLoader(String destination) {
        List<Thread> clientThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("rabbitmq-ra-" + destination + "-")).collect(Collectors.toList());
        assertFalse(clientThreads.isEmpty(), "the client runs on the adapter's thread factory");
        for (Thread t : clientThreads) {
            assertSame(RabbitActivation.class.getClassLoader(), t.getContextClassLoader(), t.getName());
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }
}
