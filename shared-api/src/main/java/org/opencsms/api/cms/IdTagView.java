package org.opencsms.api.cms;

import java.time.Instant;

/**
 * An id tag as the API shows and takes it.
 *
 * @param status            "Accepted" or "Blocked"; "Expired" follows from expiryDate
 * @param expiryDate        null: never expires
 * @param parentIdTag       the group tag, returned to charge points in idTagInfo; null: none
 * @param allowConcurrentTx whether the tag may run several transactions at once; null: false
 */
public record IdTagView(String idTag, String status, Instant expiryDate, String parentIdTag,
                        Boolean allowConcurrentTx) {
}
