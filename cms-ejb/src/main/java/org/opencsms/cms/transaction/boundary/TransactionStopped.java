package org.opencsms.cms.transaction.boundary;

import org.opencsms.api.messaging.TagAuthorization;

/** The stopping tag's authorization, null when the stop named no tag. */
public record TransactionStopped(TagAuthorization idTagInfo) {
}
