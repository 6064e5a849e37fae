package org.opencsms.gateway.cms;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.jms.Destination;

import org.opencsms.api.messaging.CallType;
import org.opencsms.api.messaging.Calls.Call;
import org.opencsms.api.messaging.Contract;
import org.opencsms.api.messaging.Events.Event;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.api.messaging.EventType;

/**
 * The gateway's view of the CMS, without a broker: records the calls and events the gateway hands
 * over and lets a test decide when (and how) each is answered or confirmed.
 */
public class RecordingCmsClient extends CmsClient {
    public static final String NODE = "test-node";

    /** A call to the CMS; the gateway's future completes when the test replies. */
    public record SentCall(CallType<?, ?> type, String chargePointId, Object body, Duration timeout,
                           CompletableFuture<Object> answer) {
        public void reply(Object reply) {
            answer.complete(reply);
        }

        public void fail(Throwable failure) {
            answer.completeExceptionally(failure);
        }
    }

    /** An event handed to the broker; the gateway's future completes when the test confirms it. */
    public record SentEvent(EventType<?> type, String chargePointId, Object body, CompletableFuture<Void> brokerHasIt) {
        public void confirm() {
            brokerHasIt.complete(null);
        }

        public void fail(Throwable failure) {
            brokerHasIt.completeExceptionally(failure);
        }
    }

    public record SentReply(Destination replyTo, String correlationId, Object body) {
    }

    public final List<SentCall> calls = new CopyOnWriteArrayList<>();
    public final List<SentEvent> events = new CopyOnWriteArrayList<>();
    public final List<SentReply> replies = new CopyOnWriteArrayList<>();
    /** Runs on every call once it is recorded: a test that cannot answer later answers here. */
    public volatile java.util.function.Consumer<SentCall> onCall = call -> {
    };
    /** What a probe of this node's command route gets. */
    public volatile CompletableFuture<CommandResult> probeAnswer = new CompletableFuture<>();

    public RecordingCmsClient() {
        super(NODE);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> CompletableFuture<R> call(String chargePointId, Call<R> body, Duration timeout) {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        SentCall call = new SentCall(Contract.call(body), chargePointId, body, timeout, answer);
        calls.add(call);
        onCall.accept(call);
        return (CompletableFuture<R>) (CompletableFuture<?>) answer;
    }

    @Override
    public CompletableFuture<Void> publishAsync(String chargePointId, Event body) {
        CompletableFuture<Void> confirm = new CompletableFuture<>();
        events.add(new SentEvent(Contract.event(body), chargePointId, body, confirm));
        return confirm;
    }

    @Override
    public CompletableFuture<CommandResult> probeCommandRoute(Duration timeout) {
        return probeAnswer;
    }

    @Override
    public void reply(Destination replyTo, String correlationId, Object body) {
        replies.add(new SentReply(replyTo, correlationId, body));
    }

    public SentCall onlyCall() {
        if (calls.size() != 1) {
            throw new AssertionError("expected one call to the CMS, got " + calls);
        }
        return calls.get(0);
    }

    public SentEvent onlyEvent() {
        if (events.size() != 1) {
            throw new AssertionError("expected one event, got " + events);
        }
        return events.get(0);
    }
}
