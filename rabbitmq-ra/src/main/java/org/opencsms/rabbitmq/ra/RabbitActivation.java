package org.opencsms.rabbitmq.ra;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Command;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.jms.admin.RMQConnectionFactory;
import com.rabbitmq.jms.admin.RMQDestination;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One endpoint activation: one JMS connection (one AMQP connection with automatic recovery) and
 * {@code maxSessions} consuming sessions.
 *
 * <p>Connecting happens in WorkManager work and is retried (1 s doubling to 30 s) while it fails, so a
 * broker that is down when the application starts delays consumption instead of failing the deployment.
 * Once connected, the client's automatic recovery re-creates connection, channels, queues, bindings and
 * consumers after a connection loss. The supervisor tick ({@link #supervise()}) only covers what recovery
 * does not: a channel closed on its own (the client closes a session's channel when onMessage overruns
 * {@code onMessageTimeoutMs}) is replaced by a new session.
 */
final class RabbitActivation {

    static final String FAILURE_PROPERTY = "csmsFailure";
    static final String ORIGINAL_DESTINATION_PROPERTY = "csmsOriginalDestination";
    static final String ORIGINAL_DESTINATION_TYPE_PROPERTY = "csmsOriginalDestinationType";
    static final String ORIGINAL_SUBSCRIPTION_PROPERTY = "csmsOriginalSubscription";
    static final String ORIGINAL_MESSAGE_ID_PROPERTY = "csmsOriginalMessageId";
    static final String DELIVERY_ATTEMPTS_PROPERTY = "csmsDeliveryAttempts";

    private static final Logger LOG = RabbitResourceAdapter.LOG;
    private static final int FAILURE_TEXT_LIMIT = 2000;
    private static final long DEAD_LETTER_CONFIRM_TIMEOUT_MS = 10_000;
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final RabbitResourceAdapter adapter;
    private final WorkManager workManager;
    private final MessageEndpointFactory endpointFactory;
    private final ActivationSettings settings;
    private final String connectionName;
    /** Name of the shared non-durable subscription used when a topic has no subscriptionName. */
    private final String privateSubscription = "csms-ra-" + UUID.randomUUID();
    private final ClassLoader classLoader = RabbitActivation.class.getClassLoader();
    private final DeliveryCounter failures = new DeliveryCounter(10_000);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch firstConnect = new CountDownLatch(1);

    /** Held while connecting, repairing and closing, so that stop() waits for a connect in progress. */
    private final ReentrantLock lifecycle = new ReentrantLock();
    private final AtomicBoolean maintenanceScheduled = new AtomicBoolean();
    private final List<SessionConsumer> sessions = new CopyOnWriteArrayList<>();
    private volatile Connection connection;
    private volatile com.rabbitmq.client.Connection amqp;
    private volatile long nextAttempt;
    /**
     * The broker cancelled consumers of this activation (their queue was deleted): the JMS client only
     * marks such a consumer finished, so the sessions are replaced, which declares the queue again.
     */
    private volatile boolean consumersCancelled;
    private int failedAttempts; // guarded by lifecycle

    private final Object deadLetterLock = new Object();
    private Connection deadLetterConnection; // guarded by deadLetterLock
    private Session deadLetterSession;       // guarded by deadLetterLock
    private MessageProducer deadLetterProducer; // guarded by deadLetterLock

    RabbitActivation(RabbitResourceAdapter adapter, WorkManager workManager, MessageEndpointFactory endpointFactory,
                     ActivationSettings settings) {
        this.adapter = adapter;
        this.workManager = workManager;
        this.endpointFactory = endpointFactory;
        this.settings = settings;
        this.connectionName = adapter.getConnectionName() + " " + settings.describe();
    }

    void start() {
        scheduleMaintenance();
    }

    /** Closes sessions and connection; returns once no delivery of this activation is running. */
    void stop() {
        stopped.countDown();
        lifecycle.lock();
        try {
            Connection c = connection;
            connection = null;
            sessions.clear();
            if (c != null) {
                closeQuietly(c);
            }
            com.rabbitmq.client.Connection a = amqp;
            if (a != null) {
                a.abort(); // no-op when the close above worked; stops a recovery in progress otherwise
            }
            synchronized (this) {
                if (listenerThreads != null) {
                    listenerThreads.shutdown();
                    listenerThreads = null;
                }
            }
            LOG.info("Stopped consuming from " + settings.describe());
        } finally {
            lifecycle.unlock();
        }
    }

    boolean isActive() {
        return stopped.getCount() > 0;
    }

    /** Waits up to {@code ms} unless the activation stops first; returns true when it stopped. */
    boolean awaitStop(long ms) {
        try {
            return ms <= 0 ? !isActive() : stopped.await(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** For tests and diagnostics: waits until all sessions consume. */
    boolean awaitConsuming(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        firstConnect.await(timeoutMs, TimeUnit.MILLISECONDS);
        while (System.nanoTime() < deadline) {
            if (isConsuming()) {
                return true;
            }
            Thread.sleep(20);
        }
        return isConsuming();
    }

    boolean isConsuming() {
        com.rabbitmq.client.Connection a = amqp;
        return connection != null && a != null && a.isOpen() && sessions.size() == settings.maxSessions()
                && sessions.stream().allMatch(s -> s.channel() == null || s.channel().isOpen());
    }

    /** Timer tick: cheap checks only; the work itself runs as WorkManager work. */
    void supervise() {
        if (!isActive()) {
            return;
        }
        boolean needed;
        if (connection == null) {
            needed = System.currentTimeMillis() >= nextAttempt;
        } else {
            com.rabbitmq.client.Connection a = amqp;
            boolean dead = false;
            for (SessionConsumer s : sessions) {
                dead |= s.channelDead(a);
            }
            needed = dead || ((consumersCancelled || sessions.size() < settings.maxSessions()) && a != null && a.isOpen()
                    && System.currentTimeMillis() >= nextAttempt);
        }
        if (needed) {
            scheduleMaintenance();
        }
    }

    private void scheduleMaintenance() {
        if (!isActive() || !maintenanceScheduled.compareAndSet(false, true)) {
            return;
        }
        Work work = new Work() {
            @Override
            public void run() {
                try {
                    maintain();
                } finally {
                    maintenanceScheduled.set(false);
                }
            }

            @Override
            public void release() {
            }
        };
        try {
            workManager.scheduleWork(work);
        } catch (WorkException | RuntimeException e) {
            maintenanceScheduled.set(false);
            LOG.warning("Could not schedule connecting to RabbitMQ for " + settings.describe()
                    + " (retried at the next supervision tick): " + e);
        }
    }

    private void maintain() {
        lifecycle.lock();
        try {
            if (!isActive()) {
                return;
            }
            if (connection == null) {
                connect();
            } else {
                repair();
            }
        } finally {
            lifecycle.unlock();
        }
    }

    private void connect() {
        Connection c = null;
        try {
            c = newConnectionFactory().createConnection();
            c.setExceptionListener(e -> LOG.log(Level.FINE, "JMS connection of " + settings.describe(), e));
            consumersCancelled = false;
            declareAmqpQueue();
            List<SessionConsumer> opened = new ArrayList<>();
            for (int i = 0; i < settings.maxSessions(); i++) {
                opened.add(SessionConsumer.open(this, c));
            }
            sessions.addAll(opened);
            connection = c;
            c.start();
            failedAttempts = 0;
            LOG.info("Consuming from " + settings.describe() + " with " + settings.maxSessions()
                    + " sessions (prefetch " + settings.prefetch() + ") on " + adapter.maskedUri());
        } catch (JMSException | RuntimeException e) {
            sessions.clear();
            connection = null;
            if (c != null) {
                closeQuietly(c);
            }
            amqp = null;
            retryLater("Cannot consume from " + settings.describe() + " on " + adapter.maskedUri(), e);
        } finally {
            firstConnect.countDown();
        }
    }

    private void repair() {
        com.rabbitmq.client.Connection a = amqp;
        if (a == null || !a.isOpen()) {
            return; // automatic recovery is at work
        }
        if (consumersCancelled) {
            if (!sessions.isEmpty()) {
                LOG.warning("RabbitMQ cancelled the consumers of " + settings.describe()
                        + " (the queue was deleted?); declaring it and consuming again");
            }
            for (SessionConsumer s : sessions) {
                sessions.remove(s);
                s.close();
            }
            try {
                declareAmqpQueue();
            } catch (JMSException | RuntimeException e) {
                retryLater("Cannot declare " + settings.describe(), e);
                return; // still cancelled: declared before any session opens
            }
            consumersCancelled = false;
        }
        for (SessionConsumer s : sessions) {
            if (s.channel() != null && !s.channel().isOpen()) {
                sessions.remove(s);
                s.close();
                LOG.warning("A session consuming from " + settings.describe() + " lost its channel; replacing it");
            }
        }
        while (sessions.size() < settings.maxSessions()) {
            try {
                sessions.add(SessionConsumer.open(this, connection));
            } catch (JMSException | RuntimeException e) {
                retryLater("Cannot open a session on " + settings.describe(), e);
                return;
            }
        }
        failedAttempts = 0;
    }

    private void retryLater(String what, Exception e) {
        failedAttempts++;
        long delay = Backoff.delayMs(failedAttempts, 1000, 30_000);
        nextAttempt = System.currentTimeMillis() + delay;
        LOG.log(failedAttempts == 1 ? Level.SEVERE : Level.WARNING,
                what + ": " + failureText(e) + " (attempt " + failedAttempts + ", retrying in " + delay + " ms)");
    }

    private RMQConnectionFactory newConnectionFactory() throws JMSException {
        RMQConnectionFactory cf = new RMQConnectionFactory();
        cf.setUri(adapter.effectiveUri());
        cf.setChannelsQos(settings.prefetch());
        // consumers reply elsewhere; declaring the reply-to queue fails with RESOURCE_LOCKED for temporary queues
        cf.setDeclareReplyToDestination(false);
        // onMessage includes the bean and the redelivery delay; overrunning it makes the client kill the channel
        cf.setOnMessageTimeoutMs(adapter.getOnMessageTimeoutMs());
        ThreadFactory threads = threadFactory();
        String name = connectionName;
        long recoveryInterval = adapter.getRecoveryIntervalMs();
        cf.setAmqpConnectionFactoryPostProcessor(f -> {
            f.setAutomaticRecoveryEnabled(true);
            f.setTopologyRecoveryEnabled(true);
            f.setNetworkRecoveryInterval(recoveryInterval);
            f.setConnectionTimeout(CONNECT_TIMEOUT_MS);
            // the client's threads convert messages: they need a class loader that sees the message classes
            f.setThreadFactory(threads);
            // the client calls the listeners of all sessions of a connection on one shared pool, by default
            // of 2 x cores threads: with each listener delivering synchronously, that pool, not maxSessions,
            // would bound the concurrency. One thread per session.
            f.setSharedExecutor(listenerThreads(threads));
            f.setTrafficListener(new com.rabbitmq.client.TrafficListener() {
                @Override
                public void write(Command outbound) {
                }

                @Override
                public void read(Command inbound) {
                    // basic.cancel from the broker (not the cancel-ok of our own closing)
                    if (inbound.getMethod() instanceof AMQP.Basic.Cancel && isActive()) {
                        consumersCancelled = true;
                        scheduleMaintenance();
                    }
                }
            });
            Map<String, Object> properties = new HashMap<>(f.getClientProperties());
            properties.put("connection_name", name);
            f.setClientProperties(properties);
        });
        cf.setAmqpConnectionPostProcessor(this::connected);
        return cf;
    }

    private void connected(com.rabbitmq.client.Connection c) {
        amqp = c;
        c.addShutdownListener(cause -> {
            if (!cause.isInitiatedByApplication() && isActive()) {
                LOG.warning("Lost the RabbitMQ connection of " + settings.describe() + ": " + cause.getMessage()
                        + "; recovering every " + adapter.getRecoveryIntervalMs() + " ms");
            }
        });
        if (c instanceof Recoverable recoverable) {
            recoverable.addRecoveryListener(new RecoveryListener() {
                @Override
                public void handleRecovery(Recoverable r) {
                    LOG.info("Recovered the RabbitMQ connection of " + settings.describe());
                }

                @Override
                public void handleRecoveryStarted(Recoverable r) {
                }
            });
        }
    }

    /** The listener threads of this activation's connections: one pool for its lifetime, ended by {@link #stop}. */
    private synchronized java.util.concurrent.ExecutorService listenerThreads(ThreadFactory threads) {
        if (listenerThreads == null) {
            listenerThreads = java.util.concurrent.Executors.newFixedThreadPool(settings.maxSessions(), threads);
        }
        return listenerThreads;
    }

    private java.util.concurrent.ExecutorService listenerThreads;

    private ThreadFactory threadFactory() {
        AtomicInteger count = new AtomicInteger();
        String prefix = "rabbitmq-ra-" + settings.destinationName() + "-";
        return runnable -> {
            Thread t = new Thread(runnable, prefix + count.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(classLoader);
            return t;
        };
    }

    /**
     * A queue of plain AMQP messages is not declared by the JMS client: declare it (durable, as the JMS
     * client declares its queues, so both agree) before consuming.
     */
    private void declareAmqpQueue() throws JMSException {
        com.rabbitmq.client.Connection a = amqp;
        if (!settings.amqpMessages() || a == null) {
            return;
        }
        try (com.rabbitmq.client.Channel channel = a.createChannel()) {
            channel.queueDeclare(settings.destinationName(), true, false, false, null);
        } catch (java.io.IOException | TimeoutException e) {
            JMSException failure = new JMSException("cannot declare queue " + settings.destinationName() + ": " + e);
            failure.initCause(e);
            throw failure;
        }
    }

    MessageConsumer createConsumer(Session session) throws JMSException {
        String name = settings.destinationName();
        if (settings.amqpMessages()) {
            return session.createConsumer(new RMQDestination(name, "", name, name));
        }
        if (!settings.topic()) {
            return session.createConsumer(session.createQueue(name));
        }
        Topic topic = session.createTopic(name);
        if (settings.subscriptionName() != null) {
            return session.createSharedDurableConsumer(topic, settings.subscriptionName(), settings.messageSelector());
        }
        return session.createSharedConsumer(topic, privateSubscription, settings.messageSelector());
    }

    EndpointDelivery deliver(Message message) {
        EndpointDelivery delivery = new EndpointDelivery(endpointFactory, message);
        try {
            workManager.doWork(delivery);
        } catch (WorkException | RuntimeException e) {
            if (delivery.outcome() == EndpointDelivery.Outcome.NOT_DELIVERED) {
                delivery.notDelivered(e);
            }
        }
        return delivery;
    }

    /**
     * Publishes a copy of {@code message} to the dead-letter queue and waits for the broker's confirm.
     *
     * @return false when the copy is not safely stored (the caller then keeps the original)
     */
    boolean deadLetter(Connection c, Message message, Throwable failure, int attempts) {
        synchronized (deadLetterLock) {
            try {
                if (deadLetterSession == null || deadLetterConnection != c) {
                    closeDeadLetterSession();
                    deadLetterSession = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    deadLetterProducer = deadLetterSession.createProducer(
                            deadLetterSession.createQueue(settings.deadLetterQueue()));
                    deadLetterConnection = c;
                }
                Message copy = MessageCopier.copy(deadLetterSession, message);
                copy.setStringProperty(FAILURE_PROPERTY, failureText(failure));
                copy.setStringProperty(ORIGINAL_DESTINATION_PROPERTY, settings.destinationName());
                copy.setStringProperty(ORIGINAL_DESTINATION_TYPE_PROPERTY, settings.topic() ? "topic" : "queue");
                if (settings.subscriptionName() != null) {
                    copy.setStringProperty(ORIGINAL_SUBSCRIPTION_PROPERTY, settings.subscriptionName());
                }
                if (message.getJMSMessageID() != null) {
                    copy.setStringProperty(ORIGINAL_MESSAGE_ID_PROPERTY, message.getJMSMessageID());
                }
                copy.setIntProperty(DELIVERY_ATTEMPTS_PROPERTY, attempts);
                CompletableFuture<Void> confirmed = new CompletableFuture<>();
                // with a CompletionListener the client turns publisher confirms on: no ack before the copy is safe
                deadLetterProducer.send(copy, DeliveryMode.PERSISTENT, priority(message), 0, new CompletionListener() {
                    @Override
                    public void onCompletion(Message m) {
                        confirmed.complete(null);
                    }

                    @Override
                    public void onException(Message m, Exception e) {
                        confirmed.completeExceptionally(e);
                    }
                });
                confirmed.get(DEAD_LETTER_CONFIRM_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closeDeadLetterSession();
                return false;
            } catch (JMSException | ExecutionException | TimeoutException | RuntimeException e) {
                LOG.severe("Could not dead-letter message " + SessionConsumer.id(message) + " from "
                        + settings.describe() + " to queue " + settings.deadLetterQueue() + " (" + failureText(e)
                        + "); it stays on " + settings.destinationName() + " and is retried later. It failed with: "
                        + failureText(failure));
                closeDeadLetterSession();
                return false;
            }
        }
    }

    private void closeDeadLetterSession() {
        if (deadLetterSession != null) {
            try {
                deadLetterSession.close();
            } catch (JMSException | RuntimeException ignored) {
                // a dead session: nothing left to release
            }
        }
        deadLetterSession = null;
        deadLetterProducer = null;
        deadLetterConnection = null;
    }

    private static int priority(Message message) {
        try {
            int p = message.getJMSPriority();
            return p >= 0 && p <= 9 ? p : Message.DEFAULT_PRIORITY;
        } catch (JMSException e) {
            return Message.DEFAULT_PRIORITY;
        }
    }

    /** The exception and its causes on one line, bounded. */
    static String failureText(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        StringBuilder sb = new StringBuilder();
        Set<Throwable> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" / caused by ");
            }
            sb.append(t);
        }
        String text = sb.toString().replace('\n', ' ').replace('\r', ' ');
        return text.length() > FAILURE_TEXT_LIMIT ? text.substring(0, FAILURE_TEXT_LIMIT) + "..." : text;
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.FINE, "closing connection", e);
        }
    }

    ActivationSettings settings() {
        return settings;
    }

    DeliveryCounter failures() {
        return failures;
    }

    ClassLoader classLoader() {
        return classLoader;
    }

    List<SessionConsumer> sessions() {
        return sessions;
    }
}
