package org.opencsms.api.messaging;

/**
 * What became of a command, sent by the node holding the charge point's socket to the caller's reply queue.
 *
 * @param payload      the CALLRESULT payload as JSON text (outcome RESULT)
 * @param errorCode    the charge point's CALLERROR code (CALL_ERROR) or the violated rule (INVALID_RESPONSE)
 * @param errorDetails the CALLERROR details as JSON text
 */
public record CommandResult(Outcome outcome, String payload, String errorCode, String errorDescription,
                            String errorDetails) {

    public enum Outcome {
        /** The charge point answered with a CALLRESULT. */
        RESULT,
        /** The charge point answered with a CALLERROR. */
        CALL_ERROR,
        /** The charge point's CALLRESULT did not match the action's response schema. */
        INVALID_RESPONSE,
        /** The charge point did not answer within the call timeout. */
        TIMEOUT,
        /** The charge point was not (or no longer) connected to the node. */
        NOT_CONNECTED
    }

    public static CommandResult of(Outcome outcome, String description) {
        return new CommandResult(outcome, null, null, description, null);
    }
}
