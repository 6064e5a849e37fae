package org.opencsms.rabbitmq.ra;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import javax.transaction.xa.XAResource;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Stands in for the container's MDB proxies: endpoints implement MessageEndpoint and MessageListener,
 * check the delivery protocol, and record every message they get.
 */
final class RecordingEndpointFactory implements MessageEndpointFactory {

    /** What the "bean" does with a message; throwing makes the delivery fail. */
    interface Behaviour {
        void onMessage(Received received) throws Exception;
    }

    /** One call of onMessage. */
    record Received(String text, String messageId, boolean redelivered, long nanoTime, String thread,
                    Message message) {
        String property(String name) {
            try {
                return message.getStringProperty(name);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Received> succeeded = new CopyOnWriteArrayList<>();
    private final List<String> protocolErrors = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger failingBeforeDelivery = new AtomicInteger();
    private final AtomicInteger failingAfterDelivery = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger released = new AtomicInteger();
    private final List<String> creatingThreads = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = r -> { };

    RecordingEndpointFactory behaviour(Behaviour b) {
        this.behaviour = b;
        return this;
    }

    /** The next n createEndpoint calls throw UnavailableException. */
    void unavailableFor(int n) {
        unavailable.set(n);
    }

    void failBeforeDelivery(int n) {
        failingBeforeDelivery.set(n);
    }

    void failAfterDelivery(int n) {
        failingAfterDelivery.set(n);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String text) {
        return received.stream().filter(r -> text.equals(r.text())).collect(Collectors.toList());
    }

    List<Received> succeeded() {
        return List.copyOf(succeeded);
    }

    List<String> succeededTexts() {
        return succeeded.stream().map(Received::text).collect(Collectors.toList());
    }

    long succeededCount(Predicate<Received> p) {
        return succeeded.stream().filter(p).count();
    }

    List<String> protocolErrors() {
        return List.copyOf(protocolErrors);
    }

    List<String> creatingThreads() {
        return new ArrayList<>(creatingThreads);
    }

    int created() {
        return created.get();
    }

    int released() {
        return released.get();
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) throws UnavailableException {
        creatingThreads.add(Thread.currentThread().getName());
        if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new UnavailableException("test: endpoint unavailable");
        }
        created.incrementAndGet();
        return new Endpoint();
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) throws UnavailableException {
        return createEndpoint(xaResource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return false;
    }

    @Override
    public String getActivationName() {
        return "recording";
    }

    @Override
    public Class<?> getEndpointClass() {
        return Endpoint.class;
    }

    final class Endpoint implements MessageEndpoint, MessageListener {
        private int state; // 0 created, 1 before, 2 onMessage, 3 after, 4 released
        private Received current;
        private boolean failed;

        @Override
        public void beforeDelivery(Method method) throws ResourceException {
            expect(0, "beforeDelivery");
            if (!EndpointDelivery.ON_MESSAGE.equals(method)) {
                protocolErrors.add("beforeDelivery(" + method + ")");
            }
            if (failingBeforeDelivery.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ResourceException("test: beforeDelivery failed");
            }
            state = 1;
        }

        @Override
        public void onMessage(Message message) {
            expect(1, "onMessage");
            state = 2;
            try {
                String text = message instanceof TextMessage t ? t.getText() : null;
                current = new Received(text, message.getJMSMessageID(), message.getJMSRedelivered(),
                        System.nanoTime(), Thread.currentThread().getName(), message);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
            received.add(current);
            try {
                behaviour.onMessage(current);
            } catch (RuntimeException e) {
                failed = true;
                throw e;
            } catch (Exception e) {
                failed = true;
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        @Override
        public void afterDelivery() throws ResourceException {
            expect(2, "afterDelivery");
            state = 3;
            if (failingAfterDelivery.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ResourceException("test: afterDelivery failed (commit)");
            }
            if (!failed && current != null) {
                succeeded.add(current);
            }
        }

        @Override
        public void release() {
            if (state == 4) {
                protocolErrors.add("release twice");
            }
            state = 4;
            released.incrementAndGet();
        }

        private void expect(int expected, String call) {
            if (state != expected) {
                protocolErrors.add(call + " in state " + state);
            }
        }
    }
}
