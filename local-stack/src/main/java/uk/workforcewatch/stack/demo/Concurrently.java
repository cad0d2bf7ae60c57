package uk.workforcewatch.stack.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent sequences of requests side by side, at most {@code width} at once: each sequence (a
 * team's staffing, a worker's cases) keeps its own order, so a worker's allocations arrive one after the
 * other and the figures come out exact. The first failure stops the rest and is thrown as it was.
 */
final class Concurrently implements AutoCloseable {

    /** One sequence of requests for an item. */
    interface Sequence<T> {
        void run(T item) throws InterruptedException;
    }

    private final ExecutorService pool;

    Concurrently(int width) {
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(width, task -> {
            Thread thread = new Thread(task, "demo-load-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    <T> void forEach(Collection<T> items, Sequence<T> sequence) throws InterruptedException {
        ExecutorCompletionService<Void> done = new ExecutorCompletionService<>(pool);
        List<Future<Void>> running = new ArrayList<>();
        for (T item : items) {
            running.add(done.submit(() -> {
                sequence.run(item);
                return null;
            }));
        }
        try {
            for (int i = 0; i < running.size(); i++) {
                try {
                    done.take().get();
                } catch (ExecutionException e) {
                    throw rethrown(e.getCause());
                }
            }
        } finally {
            running.forEach(future -> future.cancel(true));
        }
    }

    private static RuntimeException rethrown(Throwable cause) throws InterruptedException {
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        throw new IllegalStateException(cause);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
