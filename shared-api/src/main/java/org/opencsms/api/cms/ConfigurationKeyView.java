package org.opencsms.api.cms;

import java.time.Instant;

/** One configuration key as the charge point reported it (value null: it did not tell), and when. */
public record ConfigurationKeyView(String key, boolean readonly, String value, Instant readAt) {
}
