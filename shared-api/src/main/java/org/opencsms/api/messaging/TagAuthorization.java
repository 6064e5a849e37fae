package org.opencsms.api.messaging;

import java.time.Instant;

/**
 * The CMS's verdict on an id tag, version-neutral.
 *
 * @param expiryDate  when the tag's authorization expires; null: no expiry
 * @param parentIdTag the group the tag belongs to; null: none
 */
public record TagAuthorization(Verdict status, Instant expiryDate, String parentIdTag) {

    public enum Verdict { ACCEPTED, BLOCKED, EXPIRED, INVALID, CONCURRENT_TX }

    public static TagAuthorization invalid() {
        return new TagAuthorization(Verdict.INVALID, null, null);
    }
}
