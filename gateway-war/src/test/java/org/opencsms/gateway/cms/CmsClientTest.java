package org.opencsms.gateway.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.api.messaging.MessageProperties;
import org.opencsms.gateway.platform.Timers;

/**
 * Waiting for the CMS's replies (no broker: the reply listener's hand-over is called directly). The
 * JSON binding of reply bodies is not on this module's test class path, so only exchanges that end
 * without a body are exercised here.
 */
class CmsClientTest {
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
    private final CmsClient cms = new CmsClient("node-a");

    @BeforeEach
    void setUp() {
        cms.timers = Timers.of(executor);
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    @Test
    void correlationIdsAreUniqueAndNameTheNode() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = cms.newCorrelationId();
            assertTrue(id.startsWith("node-a-"), id);
            ids.add(id);
        }
        assertEquals(1000, ids.size());
        assertFalse(new CmsClient("node-a").newCorrelationId().equals(new CmsClient("node-a").newCorrelationId()),
                "a restarted node cannot match a reply meant for its previous process");
    }

    @Test
    void noReplyInTimeIsATimeoutAndALateReplyIsDropped() {
        String id = cms.newCorrelationId();
        CompletableFuture<CommandResult> answer = cms.await(id, CommandResult.class, "Reset", Duration.ofMillis(100));
        ExecutionException e = assertThrows(ExecutionException.class, () -> answer.get(5, TimeUnit.SECONDS));
        TimeoutException timeout = assertInstanceOf(TimeoutException.class, e.getCause());
        assertTrue(timeout.getMessage().contains("Reset"), timeout.getMessage());
        cms.complete(id, MessageProperties.OUTCOME_OK, "{\"outcome\":\"RESULT\"}"); // nobody waits: dropped
        assertInstanceOf(TimeoutException.class, assertThrows(ExecutionException.class, answer::get).getCause());
    }

    @Test
    void aReplyForAnExchangeGivenUpIsDropped() {
        String id = cms.newCorrelationId();
        CompletableFuture<CommandResult> answer = cms.await(id, CommandResult.class, "Reset", Duration.ofSeconds(30));
        answer.cancel(false); // the caller could not dispatch the command
        cms.complete(id, MessageProperties.OUTCOME_OK, "{\"outcome\":\"RESULT\"}");
        cms.complete(null, MessageProperties.OUTCOME_OK, "{}");
        cms.complete("someone-else-1", MessageProperties.OUTCOME_OK, "{}");
        assertTrue(answer.isCancelled());
    }
}
