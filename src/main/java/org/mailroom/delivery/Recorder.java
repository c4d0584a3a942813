package org.mailroom.delivery;

import org.mailroom.MailroomException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes outcomes from all sender threads as they come, each transaction taking whatever piled up while the
 * previous one committed (group commit). Senders never wait for the database, yet an outcome is on disk about
 * one commit after its message was accepted: after a kill, the messages sent but not recorded are the few in
 * that window. If the database refuses writes, the queue fills and senders stop instead of sending unrecorded.
 */
final class Recorder implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Recorder.class);
    private static final int MAX_BATCH = 256;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(256);
    private final DeliveryStore store;
    private final String nodeId;
    private volatile boolean stopping;
    private volatile String failure;

    Recorder(DeliveryStore store, String nodeId) {
        this.store = store;
        this.nodeId = nodeId;
    }

    /** An outcome, and what to run once it is on disk (or null). */
    private record Entry(Outcome outcome, Runnable durable) {}

    void submit(Outcome o) throws InterruptedException {
        queue.put(new Entry(o, null));
    }

    void submit(Outcome o, Runnable durable) throws InterruptedException {
        queue.put(new Entry(o, durable));
    }

    /** Why outcomes cannot be written right now, or null. */
    String failure() {
        return failure;
    }

    @Override
    public void run() {
        List<Entry> batch = new ArrayList<>(MAX_BATCH);
        List<Outcome> outcomes = new ArrayList<>(MAX_BATCH);
        while (!stopping || !queue.isEmpty()) {
            try {
                Entry first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                for (Entry e : batch) outcomes.add(e.outcome());
                write(outcomes);
                for (Entry e : batch) if (e.durable() != null) e.durable().run();
                batch.clear();
                outcomes.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Keeps trying: forgetting an outcome would re-send a message that went out. */
    private void write(List<Outcome> batch) throws InterruptedException {
        while (true) {
            try {
                store.record(batch, nodeId);
                failure = null;
                return;
            } catch (MailroomException e) {
                if (failure == null) log.error("cannot record {} delivery outcomes, sending holds until the database takes them: {}", batch.size(), e.getMessage());
                failure = e.getMessage();
                Thread.sleep(1000);
            }
        }
    }

    /** Writes what is queued, then stops. */
    void stop() {
        stopping = true;
    }
}
