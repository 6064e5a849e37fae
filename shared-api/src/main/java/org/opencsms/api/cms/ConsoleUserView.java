package org.opencsms.api.cms;

import java.time.Instant;

/** A console user as the console shows it (never the password or its hash). */
public record ConsoleUserView(String name, String role, Instant createdAt) {
}
