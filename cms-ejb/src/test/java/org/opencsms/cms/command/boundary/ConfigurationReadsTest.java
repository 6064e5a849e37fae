package org.opencsms.cms.command.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigurationReadsTest {

    @Test
    void requestedKeysAreTheNamedOnesOrNoneForAll() {
        assertEquals(List.of(), ConfigurationReads.requestedKeys("{}"));
        assertEquals(List.of(), ConfigurationReads.requestedKeys("{\"key\":[]}"));
        assertEquals(List.of("A", "B"), ConfigurationReads.requestedKeys("{\"key\":[\"A\",\"B\"]}"));
        assertEquals(List.of(), ConfigurationReads.requestedKeys("not json"));
    }

    @Test
    void reportedKeysWithReadonlyAndValueAndTheSecretHidden() {
        var keys = ConfigurationReads.reported(ConfigurationReads.object("""
                {"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"60"},
                                     {"key":"NumberOfConnectors","readonly":true,"value":"2"},
                                     {"key":"NoValue","readonly":false},
                                     {"key":"AuthorizationKey","readonly":false,"value":"0123456789abcdef"},
                                     {"key":"HeartbeatInterval","readonly":false,"value":"90"}],
                 "unknownKey":["Foo"]}"""));
        assertEquals(List.of("HeartbeatInterval", "NumberOfConnectors", "NoValue", "AuthorizationKey"),
                List.copyOf(keys.keySet()));
        assertEquals(new ConfigurationReads.ReportedKey("HeartbeatInterval", false, "90"), keys.get("HeartbeatInterval"),
                "the last of a key reported twice");
        assertTrue(keys.get("NumberOfConnectors").readonly());
        assertEquals(null, keys.get("NoValue").value());
        assertEquals("***", keys.get("AuthorizationKey").value());
        assertTrue(ConfigurationReads.reported(ConfigurationReads.object("{}")).isEmpty());
    }
}
