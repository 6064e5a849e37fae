package org.opencsms.api.messaging;

import java.time.Instant;

/**
 * One sampled value of a meter reading, flattened with the reading's timestamp. Optional OCPP fields
 * arrive here already filled with the specification's defaults (context Sample.Periodic, format
 * Raw, measurand Energy.Active.Import.Register, location Outlet, unit Wh); phase may be null.
 */
public record MeterSample(Instant timestamp, String value, String context, String format, String measurand,
                          String phase, String location, String unit) {
}
