package org.mailroom.delivery;

/**
 * A token bucket shared by all sender threads: {@code perSecond} messages per second on average, bursts of at
 * most one second's worth. A rate of 0 means unlimited.
 */
final class RateLimiter {
    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long last = System.nanoTime();

    RateLimiter(double perSecond) {
        this.perSecond = perSecond;
        this.capacity = Math.max(1, perSecond);
        this.tokens = 1;
    }

    void acquire() throws InterruptedException {
        if (perSecond <= 0) return;
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            tokens -= 1;
            waitNanos = tokens >= 0 ? 0 : (long) (-tokens / perSecond * 1e9);
        }
        if (waitNanos > 0) Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
    }
}
