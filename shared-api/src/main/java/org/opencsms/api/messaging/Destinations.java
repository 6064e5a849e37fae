package org.opencsms.api.messaging;

/**
 * JNDI names of the messaging resources. The server configuration binds them to the embedded engine
 * or to RabbitMQ; application code never sees which. Each destination, its broker name and its delivery
 * policy are declared in {@link Topology}; these constants are the names that annotations can use.
 */
public final class Destinations {
    public static final String CONNECTION_FACTORY = "jms/csms/ConnectionFactory";
    /** Calls from the gateway that need an answer (BootNotification, Heartbeat, ...): consumed by the CMS. */
    public static final String REQUEST_QUEUE = "jms/csms/Requests";
    /** Answers for this node only: each gateway node binds this name to its own physical queue. */
    public static final String REPLY_QUEUE = "jms/csms/Replies";
    /** Charge point events that need no answer (StatusNotification, session opened/closed, ...). */
    public static final String EVENT_QUEUE = "jms/csms/Events";
    /**
     * Commands for charge points. Each gateway node subscribes with the selector
     * {@code targetNode = '<its node id>'}; the CMS sets targetNode from the shared record of where
     * the charge point is connected.
     */
    public static final String COMMAND_TOPIC = "jms/csms/Commands";
    /**
     * What became of the commands this node's CMS sent: each node binds this name to its own physical
     * queue, and the CMS's command reply listener consumes it.
     */
    public static final String COMMAND_REPLY_QUEUE = "jms/csms/CommandReplies";

    private Destinations() {
    }

    /** The broker's name of the event queue (the events that wait for the CMS). */
    public static final String EVENT_QUEUE_NAME = Topology.EVENTS.brokerName();
    /** The broker's name of the dead-letter destination (a queue on both brokers). */
    public static final String DEAD_LETTER_QUEUE = Topology.DEAD_LETTERS.brokerName();
}
