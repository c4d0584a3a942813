package org.mailroom.delivery;

import org.mailroom.config.Config;

import java.time.Duration;

/** The delivery.* properties, read once. */
public record SenderSettings(int concurrency, double rate, int batchSize, Duration lease, int maxAttempts,
                             Duration retryBase, Duration retryMax) {

    public static SenderSettings from(Config c) {
        return new SenderSettings(Math.max(1, c.integer("delivery.concurrency")), c.decimal("delivery.rate"),
            Math.max(1, c.integer("delivery.batch-size")), Duration.ofSeconds(Math.max(5, c.integer("delivery.lease-seconds"))),
            Math.max(1, c.integer("delivery.max-attempts")), Duration.ofSeconds(c.integer("delivery.retry-base-seconds")),
            Duration.ofSeconds(c.integer("delivery.retry-max-seconds")));
    }

    /**
     * Rows one thread claims at a time. Under a rate limit a batch is cut to about half a second of that thread's
     * share: the subscriber's status is read at claim time, so an unsubscribe must not wait behind a long batch.
     */
    int claimSize() {
        if (rate <= 0) return batchSize;
        return (int) Math.max(1, Math.min(batchSize, Math.ceil(rate / 2 / concurrency)));
    }

    /** Exponential backoff after the given number of attempts (1 = first retry), capped. */
    Duration retryDelay(int attempts) {
        long base = Math.max(0, retryBase.toMillis());
        long delay = base << Math.min(30, Math.max(0, attempts - 1));
        return Duration.ofMillis(Math.min(delay < 0 ? Long.MAX_VALUE : delay, retryMax.toMillis()));
    }
}
