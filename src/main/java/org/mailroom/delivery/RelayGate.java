package org.mailroom.delivery;

import java.time.Duration;

/**
 * Shared by all sender threads: when the relay cannot be reached, everyone waits with an exponential backoff
 * (1 s doubling to 60 s) instead of trying recipient after recipient and burning their attempts.
 */
final class RelayGate {
    interface Listener {
        void relayDown(String reason, Duration retryIn);

        void relayUp();
    }

    private static final long MAX_DELAY_MS = 60_000;
    private final Listener listener;
    private boolean down;
    private int failures;
    private long retryAtNanos;

    RelayGate(Listener listener) {
        this.listener = listener;
    }

    synchronized boolean ready() {
        return !down || System.nanoTime() - retryAtNanos >= 0;
    }

    synchronized long waitMillis() {
        return down ? Math.max(0, (retryAtNanos - System.nanoTime()) / 1_000_000) : 0;
    }

    synchronized void down(String reason) {
        failures++;
        long delay = Math.min(MAX_DELAY_MS, 1000L << Math.min(16, failures - 1));
        retryAtNanos = System.nanoTime() + delay * 1_000_000;
        if (!down) {
            down = true;
            listener.relayDown(reason, Duration.ofMillis(delay));
        }
    }

    synchronized void up() {
        if (!down) return;
        down = false;
        failures = 0;
        listener.relayUp();
    }
}
