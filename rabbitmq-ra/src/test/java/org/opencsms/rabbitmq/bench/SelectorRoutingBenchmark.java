package org.opencsms.rabbitmq.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import com.rabbitmq.jms.admin.RMQConnectionFactory;

/**
 * Measures what routing commands per charger would cost compared with per node: N selector
 * subscriptions on the command topic ({@code chargePointId = 'CP-i'}, one per connected charger)
 * against one ({@code targetNode = 'node-1'}). Prints the time to subscribe and the time a command
 * takes from publish to delivery. Needs the local broker with the JMS topic exchange plugin; run:
 * <pre>
 * mvn -q -f rabbitmq-ra/pom.xml test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *   -Dmdep.includeScope=test
 * java -cp rabbitmq-ra/target/test-classes:$(cat rabbitmq-ra/target/cp.txt) \
 *   org.opencsms.rabbitmq.bench.SelectorRoutingBenchmark 1 100 1000
 * </pre>
 */
public final class SelectorRoutingBenchmark {
    private static final int COMMANDS = 200;

    public static void main(String[] args) throws Exception {
        RMQConnectionFactory factory = new RMQConnectionFactory();
        factory.setUri(System.getProperty("uri", "amqp://guest:guest@localhost:5672"));
        System.out.printf("%12s %14s %16s %16s%n", "subscriptions", "subscribe ms", "command p50 ms", "command p99 ms");
        for (String arg : args.length == 0 ? new String[] {"1", "100", "1000"} : args) {
            run(factory, Integer.parseInt(arg));
        }
    }

    private static void run(RMQConnectionFactory factory, int subscriptions) throws Exception {
        String topicName = "bench.commands." + UUID.randomUUID();
        try (Connection connection = factory.createConnection()) {
            connection.start();
            // consumers spread over sessions: each session is one AMQP channel (2047 per connection)
            int sessions = Math.min(subscriptions, 50);
            List<Session> consumerSessions = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                consumerSessions.add(connection.createSession(false, Session.AUTO_ACKNOWLEDGE));
            }
            Topic topic = consumerSessions.get(0).createTopic(topicName);
            CountDownLatch[] arrived = new CountDownLatch[1];
            long start = System.nanoTime();
            List<MessageConsumer> consumers = new ArrayList<>();
            for (int i = 0; i < subscriptions; i++) {
                MessageConsumer c = consumerSessions.get(i % sessions)
                        .createConsumer(topic, "chargePointId = 'CP-" + i + "'");
                c.setMessageListener(m -> arrived[0].countDown());
                consumers.add(c);
            }
            double subscribeMs = (System.nanoTime() - start) / 1e6;

            Session producerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = producerSession.createProducer(topic);
            long[] latencies = new long[COMMANDS];
            for (int k = 0; k < COMMANDS; k++) {
                arrived[0] = new CountDownLatch(1);
                TextMessage command = producerSession.createTextMessage("{}");
                command.setStringProperty("chargePointId", "CP-" + (k % subscriptions));
                long sent = System.nanoTime();
                producer.send(command);
                if (!arrived[0].await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("command " + k + " not delivered");
                }
                latencies[k] = System.nanoTime() - sent;
            }
            java.util.Arrays.sort(latencies);
            System.out.printf("%12d %14.0f %16.2f %16.2f%n", subscriptions, subscribeMs,
                    latencies[COMMANDS / 2] / 1e6, latencies[COMMANDS * 99 / 100] / 1e6);
            for (MessageConsumer c : consumers) {
                c.close();
            }
        }
    }

    private SelectorRoutingBenchmark() {
    }
}
