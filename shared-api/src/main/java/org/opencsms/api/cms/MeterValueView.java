package org.opencsms.api.cms;

import java.time.Instant;

public record MeterValueView(Instant timestamp, String measurand, String value, String unit, String phase,
                             String context, String location, String format) {
}
