package org.opencsms.api.messaging;

/** Names of the JMS message properties set on every gateway/CMS message. */
public final class MessageProperties {
    /** The contract type name ({@link CallType#name()} or {@link EventType#name()}). */
    public static final String TYPE = "csmsType";
    public static final String CHARGE_POINT_ID = "chargePointId";
    /** The gateway node that sent the message. */
    public static final String NODE_ID = "nodeId";
    /** On a command: the node holding the charge point's socket (the gateway nodes' selectors match it). */
    public static final String TARGET_NODE = "targetNode";
    /**
     * {@link #TYPE} of a message on the command topic that only asks the target node to answer: a
     * node's readiness sends one to itself, proving that its command subscription receives what is
     * routed to its node id.
     */
    public static final String TYPE_NODE_PROBE = "NodeProbe";
    /** On a command: the OCPP action. */
    public static final String ACTION = "action";
    /** On a reply: "ok" or "error"; an error reply's body is an {@link ErrorReply}. */
    public static final String OUTCOME = "outcome";
    public static final String OUTCOME_OK = "ok";
    public static final String OUTCOME_ERROR = "error";

    private MessageProperties() {
    }
}
