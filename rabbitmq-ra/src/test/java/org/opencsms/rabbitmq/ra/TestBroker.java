package org.opencsms.rabbitmq.ra;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.jms.admin.RMQConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real local RabbitMQ, seen from the tests: a JMS publisher, AMQP housekeeping and rabbitmqctl. */
final class TestBroker implements AutoCloseable {

    static final String URI = RabbitResourceAdapter.resolveUri(null, System::getenv);

    private final Connection jms;
    private final Session session;
    private final com.rabbitmq.client.Connection amqp;
    private final List<String> queuesToDelete = new ArrayList<>();

    TestBroker() throws Exception {
        RMQConnectionFactory cf = new RMQConnectionFactory();
        cf.setUri(URI);
        cf.setAmqpConnectionFactoryPostProcessor(f -> f.setAutomaticRecoveryEnabled(false));
        jms = cf.createConnection();
        session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
        jms.start();
        com.rabbitmq.client.ConnectionFactory f = new com.rabbitmq.client.ConnectionFactory();
        f.setUri(URI);
        f.setAutomaticRecoveryEnabled(false);
        amqp = f.newConnection("rabbitmq-ra-it-admin");
    }

    /** Publishes text messages (persistent) with string properties; the map may be empty. */
    void sendToQueue(String queue, String text, Map<String, String> properties) throws JMSException {
        send(session.createQueue(queue), text, properties);
    }

    void publishToTopic(String topic, String text, Map<String, String> properties) throws JMSException {
        send(session.createTopic(topic), text, properties);
    }

    private void send(jakarta.jms.Destination destination, String text, Map<String, String> properties) throws JMSException {
        try (MessageProducer producer = session.createProducer(destination)) {
            Message m = session.createTextMessage(text);
            for (Map.Entry<String, String> p : properties.entrySet()) {
                m.setStringProperty(p.getKey(), p.getValue());
            }
            producer.send(m);
        }
    }

    /** Receives from a queue with the JMS client (the way an operator tool would read the dead letters). */
    Message receive(String queue, long timeoutMs) throws JMSException {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            return consumer.receive(timeoutMs);
        }
    }

    /** Ready messages and consumers of a queue, without creating it. */
    AMQP.Queue.DeclareOk inspect(String queue) throws IOException, TimeoutException {
        try (Channel ch = amqp.createChannel()) {
            return ch.queueDeclarePassive(queue);
        }
    }

    Channel amqpChannel() throws IOException {
        return amqp.createChannel();
    }

    void deleteQueueAfterTest(String queue) {
        queuesToDelete.add(queue);
    }

    @Override
    public void close() throws Exception {
        for (String q : queuesToDelete) {
            try (Channel ch = amqp.createChannel()) {
                ch.queueDelete(q);
            } catch (IOException | RuntimeException ignored) {
                // already gone
            }
        }
        jms.close();
        amqp.close();
    }

    /** Closes, from the broker side, every connection whose client-provided name starts with the prefix. */
    static int closeConnectionsNamed(String prefix) throws IOException, InterruptedException {
        String listing = run("rabbitmqctl", "-q", "list_connections", "--no-table-headers", "pid", "client_properties");
        Pattern pidPattern = Pattern.compile("^(<[^>]+>)");
        int closed = 0;
        for (String line : listing.split("\n")) {
            Matcher m = pidPattern.matcher(line.trim());
            if (m.find() && line.contains("{\"connection_name\",\"" + prefix)) {
                run("rabbitmqctl", "-q", "close_connection", m.group(1), "rabbitmq-ra integration test");
                closed++;
            }
        }
        return closed;
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
