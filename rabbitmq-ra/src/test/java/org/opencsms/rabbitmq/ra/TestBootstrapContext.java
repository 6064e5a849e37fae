package org.opencsms.rabbitmq.ra;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkCompletedException;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Timer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/** Stands in for the application server: a WorkManager on a thread pool and plain timers. */
final class TestBootstrapContext implements BootstrapContext, AutoCloseable {

    static final String WORK_THREAD_PREFIX = "test-work-";

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, WORK_THREAD_PREFIX + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final WorkManager workManager = new PoolWorkManager();

    @Override
    public WorkManager getWorkManager() {
        return workManager;
    }

    @Override
    public XATerminator getXATerminator() {
        return null;
    }

    @Override
    public Timer createTimer() {
        return new Timer("test-ra-timer", true);
    }

    @Override
    public boolean isContextSupported(Class<? extends WorkContext> workContextClass) {
        return false;
    }

    @Override
    public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
        return null;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private final class PoolWorkManager implements WorkManager {

        @Override
        public void doWork(Work work) throws WorkException {
            doWork(work, INDEFINITE, null, null);
        }

        @Override
        public void doWork(Work work, long startTimeout, ExecutionContext ec, WorkListener listener) throws WorkException {
            Future<?> f = submit(work, listener);
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkCompletedException(e);
            } catch (ExecutionException e) {
                throw new WorkCompletedException(e.getCause());
            }
        }

        @Override
        public long startWork(Work work) throws WorkException {
            submit(work, null);
            return 0;
        }

        @Override
        public long startWork(Work work, long startTimeout, ExecutionContext ec, WorkListener listener) throws WorkException {
            submit(work, listener);
            return 0;
        }

        @Override
        public void scheduleWork(Work work) throws WorkException {
            submit(work, null);
        }

        @Override
        public void scheduleWork(Work work, long startTimeout, ExecutionContext ec, WorkListener listener) throws WorkException {
            submit(work, listener);
        }

        private Future<?> submit(Work work, WorkListener listener) throws WorkRejectedException {
            try {
                return pool.submit(() -> {
                    work.run();
                    if (listener != null) {
                        listener.workCompleted(new WorkEvent(this, WorkEvent.WORK_COMPLETED, work, null));
                    }
                });
            } catch (RejectedExecutionException e) {
                throw new WorkRejectedException(e);
            }
        }
    }
}
