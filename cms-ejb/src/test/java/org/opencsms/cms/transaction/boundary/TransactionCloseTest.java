package org.opencsms.cms.transaction.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The rules of an operator's close that need no database: the meterStop read from a register, the reasons. */
class TransactionCloseTest {

    @Test
    void registerValuesInWhAndKwhBecomeWh() {
        assertEquals(Optional.of(8000), TransactionService.registerWh("8000", "Wh"));
        assertEquals(Optional.of(8000), TransactionService.registerWh("8000", null));
        assertEquals(Optional.of(12346), TransactionService.registerWh("12.3456", "kWh"));
        assertEquals(Optional.of(7), TransactionService.registerWh(" 7.4 ", "Wh"));
    }

    @Test
    void otherUnitsAndValuesThatAreNoEnergyAreSkipped() {
        assertEquals(Optional.empty(), TransactionService.registerWh("16", "A"));
        assertEquals(Optional.empty(), TransactionService.registerWh("abc", "Wh"));
        assertEquals(Optional.empty(), TransactionService.registerWh("-5", "Wh"));
        assertEquals(Optional.empty(), TransactionService.registerWh("1e12", "kWh"));
        assertEquals(Optional.empty(), TransactionService.registerWh(null, "Wh"));
    }

    @Test
    void theReasonsAreOcpps() {
        assertEquals("Other", TransactionService.STOP_REASON_OTHER);
        assertEquals(java.util.Arrays.stream(org.opencsms.ocpp.v16.Reason.values())
                .map(org.opencsms.ocpp.v16.Reason::wire).toList(), TransactionService.STOP_REASONS);
    }
}
