package org.opencsms.api.cms;

import java.time.Instant;

/** UpdateFirmware as an operator asks for it: where the firmware is, from when to fetch it, how to retry. */
public record FirmwareUpdateRequest(String location, Instant retrieveDate, Integer retries, Integer retryInterval) {
}
