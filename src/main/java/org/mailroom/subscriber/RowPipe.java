package org.mailroom.subscriber;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands batches of checked import rows from the parsing thread to the database thread. Bounded, so memory stays
 * flat whatever the file's size; a failure on either side ends the other instead of leaving it blocked.
 */
final class RowPipe {
    static final int BATCH = 1000;
    private static final List<Importer.Row> END = java.util.Collections.unmodifiableList(new java.util.ArrayList<>());

    private final BlockingQueue<List<Importer.Row>> queue = new ArrayBlockingQueue<>(16);
    private volatile boolean closed;
    private volatile RuntimeException failure;

    /** Runs the producer and marks the end (or its failure) for the consumer. */
    void produce(Runnable producer) {
        try {
            producer.run();
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("import parser failed: " + e, e);
        } finally {
            put(END);
        }
    }

    void put(List<Importer.Row> batch) {
        try {
            while (!closed) {
                if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (batch != END) throw new IllegalStateException("import stopped");
    }

    /** The next batch, or null at the end; rethrows the producer's failure. */
    List<Importer.Row> take() {
        List<Importer.Row> batch;
        try {
            batch = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        }
        if (batch != END) return batch;
        if (failure != null) throw failure;
        return null;
    }

    /** The consumer is done (or failed): a producer still running stops at its next put. */
    void close() {
        closed = true;
        queue.clear();
    }
}
