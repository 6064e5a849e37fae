package org.opencsms.cms.command.boundary;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

import org.opencsms.api.messaging.CommandResult;
import org.opencsms.cms.platform.SchemaMigration;
import org.opencsms.cms.platform.Settings;
import org.opencsms.cms.platform.Times;

/**
 * The commands this node sent and waits for. Each ends exactly once: with the answer from the command
 * reply queue, or with TIMEOUT when none came in time; the record is completed first (the first result
 * recorded stays), then the waiting stage. Records that no node waits for any more (the node that sent
 * them stopped) are closed as TIMEOUT by a sweep every minute.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PendingCommands {
    private static final Logger LOG = Logger.getLogger(PendingCommands.class.getName());
    /** Beyond the longest wait: a record older than this is no node's any more. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private final Map<Long, CompletableFuture<CommandResult>> waiting = new ConcurrentHashMap<>();

    @EJB
    CommandRecords records;
    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Waits for command {@code commandId}: its result, or TIMEOUT with {@code timeoutDescription} after {@code timeout}. */
    public CompletionStage<CommandResult> expect(long commandId, Duration timeout, String timeoutDescription) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        waiting.put(commandId, result);
        ScheduledFuture<?> timer = scheduler.schedule(() -> complete(commandId,
                CommandResult.of(CommandResult.Outcome.TIMEOUT, timeoutDescription)), timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> timer.cancel(false));
        return result;
    }

    /**
     * Records what became of a command and completes its waiting stage, if this node still waits for it.
     *
     * @return whether it was waited for (a late answer after the timeout is not)
     */
    public boolean complete(long commandId, CommandResult result) {
        CompletableFuture<CommandResult> waiter = waiting.remove(commandId);
        if (waiter == null) {
            return false;
        }
        try {
            records.completed(commandId, result);
        } catch (RuntimeException e) {
            // the caller still learns the answer; the sweep closes the record if it stays open
            LOG.log(Level.WARNING, "Could not record the result of command " + commandId, e);
        }
        waiter.complete(result);
        return true;
    }

    @Schedule(hour = "*", minute = "*", persistent = false)
    void closeAbandoned() {
        if (!SchemaMigration.migrated()) {
            return;
        }
        OffsetDateTime cutoff = Times.now().minus(Settings.callTimeout().plus(CommandService.ROUTING_MARGIN)
                .plus(ABANDONED_AFTER));
        try {
            int closed = records.expireOpenBefore(cutoff);
            if (closed > 0) {
                LOG.info(() -> closed + " command(s) nobody waited for any more closed as TIMEOUT");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not close abandoned commands (database unavailable?)", e);
        }
    }
}
