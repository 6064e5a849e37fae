package org.opencsms.api.messaging;

import java.time.Instant;

/**
 * The CMS's verdict on an id tag, version-neutral.
 *
 * @param expiryDate  when the tag's authorization expires; null: no expiry
 * @param parentIdTag the group the tag belongs to; null: none
 */
public record IdTagInfo(AuthorizationStatus status, Instant expiryDate, String parentIdTag) {

    public enum AuthorizationStatus { ACCEPTED, BLOCKED, EXPIRED, INVALID, CONCURRENT_TX }

    public static IdTagInfo invalid() {
        return new IdTagInfo(AuthorizationStatus.INVALID, null, null);
    }
}
