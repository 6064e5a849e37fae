package org.opencsms.ocpp.v16;

public record ChangeConfigurationResponse(
        ConfigurationStatus status) {
}
