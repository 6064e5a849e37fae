package org.opencsms.api.cms;

import java.time.Instant;
import java.util.List;

/**
 * A charge point's configuration as it last reported it.
 *
 * @param readAt    when the newest GetConfiguration answer was stored; null: never read
 * @param commandId the command that read it
 */
public record ConfigurationView(String chargePointId, Instant readAt, Long commandId, List<ConfigurationKeyView> keys) {
}
