package org.opencsms.messaging.jms;

import java.util.function.Supplier;

/**
 * A deployable's sender, created at the first send (the server's connection factory may not be usable
 * while the application starts) and closed by its owner when the deployable stops. After close, a
 * send fails instead of opening a new connection.
 */
public final class LazySender implements AutoCloseable {
    private final Supplier<JmsSender> create;
    private JmsSender sender; // guarded by this
    private boolean closed; // guarded by this

    public LazySender(Supplier<JmsSender> create) {
        this.create = create;
    }

    public synchronized JmsSender get() {
        if (closed) {
            throw new IllegalStateException("the sender is closed: the application is stopping");
        }
        if (sender == null) {
            sender = create.get();
        }
        return sender;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (sender != null) {
            sender.close();
            sender = null;
        }
    }
}
