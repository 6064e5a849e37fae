package org.opencsms.api.messaging;

import java.util.Optional;

/**
 * The broker topology, declared once: every destination the gateway and the CMS use, how it is named on
 * the broker, who consumes it and what becomes of a delivery that fails.
 *
 * <p>The servers cannot read this class, so each keeps its own form of it:
 * <ul>
 * <li>Open Liberty's embedded engine: {@code src/main/liberty/config/messaging-embedded.xml} (the
 *     engine's queues and topic space, their JNDI bindings, the listeners' activation specs);</li>
 * <li>Open Liberty with RabbitMQ: {@code src/main/liberty/config/messaging-rabbitmq.xml};</li>
 * <li>Payara Micro with RabbitMQ: {@code payara-micro/src/main/payara/post-boot.asadmin} (the JNDI
 *     bindings) and {@code payara-micro/src/main/webapp/WEB-INF/glassfish-ejb-jar.xml} (the
 *     listeners' activation properties).</li>
 * </ul>
 * {@code TopologyTest} (shared-api) checks every form against this declaration in both directions:
 * each entry is there as declared, and nothing is there that is not declared. Change the topology here
 * first, then the forms until the test passes. Numbers that only size a server (sessions, concurrency,
 * queue depth) are the forms' own.
 */
public enum Topology {

    /** Calls from the gateway that need an answer (BootNotification, Heartbeat, ...), taken by any node's CMS. */
    REQUESTS(Destinations.REQUEST_QUEUE, "csms.requests", Kind.QUEUE, Scope.SHARED,
            new Listener("cms", "org.opencsms.cms.messaging.RequestListener"), Delivery.ONCE, Format.JMS),

    /** The CMS's answers to a gateway node's calls: each node has its own queue. */
    REPLIES(Destinations.REPLY_QUEUE, "csms.replies", Kind.QUEUE, Scope.PER_NODE,
            new Listener("gateway", "org.opencsms.gateway.cms.ReplyListener"), Delivery.ONCE, Format.JMS),

    /**
     * Charge point events that need no answer, stored by any node's CMS. A queue, so that an event published
     * before any listener subscribed is kept. With RabbitMQ the gateway publishes them as plain AMQP
     * messages (mandatory and confirmed).
     */
    EVENTS(Destinations.EVENT_QUEUE, "csms.events", Kind.QUEUE, Scope.SHARED,
            new Listener("cms", "org.opencsms.cms.messaging.EventListener"), Delivery.UNTIL_CONSUMED, Format.AMQP),

    /**
     * Commands for charge points: one topic; each gateway node takes only the commands for the charge points
     * whose socket it holds ({@link #selector(String)}), through its own subscription on RabbitMQ
     * ({@link #subscriptionName(String)}).
     */
    COMMANDS(Destinations.COMMAND_TOPIC, "csms.commands", Kind.TOPIC, Scope.SHARED,
            new Listener("gateway", "org.opencsms.gateway.cms.CommandListener"), Delivery.ONCE, Format.JMS),

    /** What became of the commands a node's CMS sent: each node has its own queue. */
    COMMAND_REPLIES(Destinations.COMMAND_REPLY_QUEUE, "csms.command-replies", Kind.QUEUE, Scope.PER_NODE,
            new Listener("cms", "org.opencsms.cms.messaging.CommandReplyListener"), Delivery.ONCE, Format.JMS),

    /**
     * The broker's dead-letter queue: where a {@link Delivery#ONCE} message goes when its one delivery
     * fails. Nobody consumes it and no JNDI name binds it; the gateway's readiness reports its depth.
     */
    DEAD_LETTERS(null, "csms.deadletter", Kind.QUEUE, Scope.SHARED, null, Delivery.NOT_CONSUMED, Format.JMS);

    /** Queue or topic (on the embedded engine: a queue or a topic space). */
    public enum Kind {
        QUEUE("jakarta.jms.Queue"), TOPIC("jakarta.jms.Topic");

        private final String jmsType;

        Kind(String jmsType) {
            this.jmsType = jmsType;
        }

        /** The {@code destinationType} of an activation spec, the type of the bound object. */
        public String jmsType() {
            return jmsType;
        }
    }

    /** Whether several nodes sharing a broker share the destination or each has its own. */
    public enum Scope {
        /** One destination for all nodes. */
        SHARED,
        /**
         * One destination per node, named {@code <broker name>.<node id>} on a shared broker (RabbitMQ). The
         * embedded engine serves one node and uses the plain broker name.
         */
        PER_NODE
    }

    /** What becomes of a delivery that fails (the listener throws). */
    public enum Delivery {
        /**
         * Delivered once, never redelivered: a failed delivery goes to {@link #DEAD_LETTERS}. Whoever waits for
         * the message waits a bounded time. RabbitMQ: {@code maxDeliveries} 1; embedded engine:
         * {@code maxRedeliveryCount} 1 with {@code exceptionDestination} the dead-letter queue.
         */
        ONCE,
        /**
         * Redelivered for as long as it takes (growing delays: up to 30 s on RabbitMQ, every 5 s on the
         * embedded engine after 5 quick attempts), never dead-lettered by the broker: the listener itself keeps
         * what can never succeed (the CMS's dead-letter store). RabbitMQ: {@code maxDeliveries}
         * {@value Integer#MAX_VALUE}; embedded engine: {@code failedDeliveryPolicy} KEEP_TRYING and no
         * exception destination.
         */
        UNTIL_CONSUMED,
        /** Not consumed by the application (the dead-letter queue). */
        NOT_CONSUMED
    }

    /** How messages on the destination are written on RabbitMQ. */
    public enum Format {
        /** By a JMS client (RabbitMQ's JMS client). */
        JMS("jms"),
        /** As plain AMQP 0-9-1 messages: the consuming activation declares {@code messageFormat} amqp. */
        AMQP("amqp");

        private final String value;

        Format(String value) {
            this.value = value;
        }

        /** The {@code messageFormat} activation property of our RabbitMQ resource adapter. */
        public String value() {
            return value;
        }
    }

    /**
     * The message-driven bean consuming a destination.
     *
     * @param module the bean's module name (cms-ejb's ejb-jar.xml and gateway-war's web.xml fix it)
     * @param beanClass the bean's class; its simple name is the bean name
     */
    public record Listener(String module, String beanClass) {
        /** The application name of the EAR: Liberty's activation spec ids are application/module/bean. */
        public static final String APPLICATION = "csms";

        public String beanName() {
            return beanClass.substring(beanClass.lastIndexOf('.') + 1);
        }

        /** The id of the bean's {@code jmsActivationSpec} on Open Liberty. */
        public String activationSpecId() {
            return APPLICATION + "/" + module + "/" + beanName();
        }
    }

    private final String jndiName;
    private final String brokerName;
    private final Kind kind;
    private final Scope scope;
    private final Listener listener;
    private final Delivery delivery;
    private final Format format;

    Topology(String jndiName, String brokerName, Kind kind, Scope scope, Listener listener, Delivery delivery,
            Format format) {
        this.jndiName = jndiName;
        this.brokerName = brokerName;
        this.kind = kind;
        this.scope = scope;
        this.listener = listener;
        this.delivery = delivery;
        this.format = format;
    }

    /** The JNDI name the application looks the destination up by ({@link Destinations}), if it has one. */
    public Optional<String> jndiName() {
        return Optional.ofNullable(jndiName);
    }

    /** The destination's name on the broker; a {@link Scope#PER_NODE} destination adds the node id on RabbitMQ. */
    public String brokerName() {
        return brokerName;
    }

    /**
     * The destination's name on a broker shared by several nodes (RabbitMQ) for the node {@code nodeId}
     * (a server form passes its placeholder of the node id).
     */
    public String brokerName(String nodeId) {
        return scope == Scope.PER_NODE ? brokerName + "." + nodeId : brokerName;
    }

    public Kind kind() {
        return kind;
    }

    public Scope scope() {
        return scope;
    }

    /** The consuming bean, if the application consumes the destination. */
    public Optional<Listener> listener() {
        return Optional.ofNullable(listener);
    }

    public Delivery delivery() {
        return delivery;
    }

    public Format format() {
        return format;
    }

    /** The message selector of the node {@code nodeId}'s listener, if it takes only part of the messages. */
    public Optional<String> selector(String nodeId) {
        return kind == Kind.TOPIC && listener != null
                ? Optional.of(MessageProperties.TARGET_NODE + " = '" + nodeId + "'")
                : Optional.empty();
    }

    /**
     * The name of the node {@code nodeId}'s shared durable subscription to a topic on RabbitMQ (also the name of
     * its AMQP queue). The embedded engine serves one node and subscribes without a name.
     */
    public Optional<String> subscriptionName(String nodeId) {
        return kind == Kind.TOPIC && listener != null ? Optional.of(brokerName + "." + nodeId) : Optional.empty();
    }

    /** The entry bound to a JNDI name. */
    public static Optional<Topology> byJndiName(String jndiName) {
        for (Topology t : values()) {
            if (jndiName.equals(t.jndiName)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
