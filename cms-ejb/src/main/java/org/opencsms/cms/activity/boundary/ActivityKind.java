package org.opencsms.cms.activity.boundary;

/** What an activity row reports; {@link #label} is what is stored and shown. */
public enum ActivityKind {
    CONNECTED("Connected"),
    DISCONNECTED("Disconnected"),
    BOOTED("Booted"),
    STATUS_CHANGED("StatusChanged"),
    TRANSACTION_STARTED("TransactionStarted"),
    TRANSACTION_STOPPED("TransactionStopped");

    private final String label;

    ActivityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
