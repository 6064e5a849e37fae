package org.opencsms.cms.transaction.boundary;

import org.opencsms.api.messaging.TagAuthorization;

/** The transaction id given to a start (also to a refused one) and the tag's authorization. */
public record TransactionStarted(int transactionId, TagAuthorization idTagInfo) {
}
