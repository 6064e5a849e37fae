package org.opencsms.api.cms;

import org.opencsms.api.messaging.CommandResult;

/** A command as recorded ({@code commandId}, the id in the command history) and what became of it. */
public record SentCommand(long commandId, CommandResult result) {
}
