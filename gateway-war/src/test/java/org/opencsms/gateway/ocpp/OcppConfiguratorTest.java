package org.opencsms.gateway.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class OcppConfiguratorTest {
    private final OcppConfigurator configurator = new OcppConfigurator();

    @Test
    void firstOfTheChargersPreferencesThatWeServe() {
        List<String> served = List.of("ocpp1.6", "ocpp2.0.1");
        assertEquals("ocpp2.0.1", configurator.getNegotiatedSubprotocol(served, List.of("ocpp2.0.1", "ocpp1.6")));
        assertEquals("ocpp1.6", configurator.getNegotiatedSubprotocol(served, List.of("ocpp1.5", "ocpp1.6")));
        assertEquals("ocpp1.6", configurator.getNegotiatedSubprotocol(served, List.of("ocpp1.5, ocpp1.6")));
        assertEquals("", configurator.getNegotiatedSubprotocol(served, List.of("ocpp1.5")));
        assertEquals("", configurator.getNegotiatedSubprotocol(served, List.of()));
    }
}
