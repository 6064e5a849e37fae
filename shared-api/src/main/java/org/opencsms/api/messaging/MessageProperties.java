package org.opencsms.api.messaging;

/** Names of the JMS message properties set on every gateway/CMS message. */
public final class MessageProperties {
    /** The contract type name ({@link CallType#name()} or {@link EventType#name()}). */
    public static final String TYPE = "csmsType";
    public static final String CHARGE_POINT_ID = "chargePointId";
    /** The gateway node that sent the message. */
    public static final String NODE_ID = "nodeId";
    /** On a reply: "ok" or "error"; an error reply's body is an {@link ErrorReply}. */
    public static final String OUTCOME = "outcome";
    public static final String OUTCOME_OK = "ok";
    public static final String OUTCOME_ERROR = "error";

    private MessageProperties() {
    }
}
