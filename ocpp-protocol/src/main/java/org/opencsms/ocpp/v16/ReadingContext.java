package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** Why a sampled value was taken. */
public enum ReadingContext implements WireEnum {
    INTERRUPTION_BEGIN("Interruption.Begin"),
    INTERRUPTION_END("Interruption.End"),
    SAMPLE_CLOCK("Sample.Clock"),
    SAMPLE_PERIODIC("Sample.Periodic"),
    TRANSACTION_BEGIN("Transaction.Begin"),
    TRANSACTION_END("Transaction.End"),
    TRIGGER("Trigger"),
    OTHER("Other");

    private final String wire;

    ReadingContext(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
