package org.opencsms.cms.chargepoint.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The text of the activity rows a charge point's reports write. */
class ActivityDetailTest {

    @Test
    void bootNamesVendorModelAndFirmware() {
        assertEquals("ACME Wallbox 22, firmware 1.2.3", ChargePointActivity.bootDetail(boot("ACME", "Wallbox 22", "1.2.3")));
        assertEquals("ACME Wallbox 22", ChargePointActivity.bootDetail(boot("ACME", "Wallbox 22", null)));
        assertEquals("Wallbox, firmware 2", ChargePointActivity.bootDetail(boot(null, "Wallbox", "2")));
        assertEquals("firmware 2", ChargePointActivity.bootDetail(boot(null, null, "2")));
    }

    @Test
    void statusNamesTheConnectorAndAnErrorOnly() {
        assertEquals("connector 1: Available", ChargePointActivity.statusDetail(status(1, "Available", "NoError")));
        assertEquals("connector 0: Faulted (GroundFailure)",
                ChargePointActivity.statusDetail(status(0, "Faulted", "GroundFailure")));
        assertEquals("connector 2: Charging", ChargePointActivity.statusDetail(status(2, "Charging", null)));
    }

    private static BootInfo boot(String vendor, String model, String firmware) {
        return new BootInfo(vendor, model, null, null, firmware, null, null, null, null);
    }

    private static ConnectorReport status(int connector, String status, String errorCode) {
        return new ConnectorReport(connector, status, errorCode, null, null, null, null);
    }
}
