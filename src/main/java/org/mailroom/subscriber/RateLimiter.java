package org.mailroom.subscriber;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} events per key per hour, as a token bucket refilled continuously. In memory: right for one
 * node, forgotten on restart (a restart does not help a flood much). Keys of full buckets are dropped when many pile up.
 */
public final class RateLimiter {
    private static final long HOUR_MILLIS = 3_600_000L;
    private static final int MAX_KEYS = 100_000;

    private final int limit;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private record Bucket(double tokens, long atMillis) {}

    public RateLimiter(int limitPerHour, Clock clock) {
        this.limit = limitPerHour;
        this.clock = clock;
    }

    /** Takes one event for the key; false when the key is over its limit (0 means no limit). */
    public boolean tryAcquire(String key) {
        if (limit <= 0) return true;
        if (buckets.size() > MAX_KEYS) prune();
        long now = clock.millis();
        boolean[] allowed = {false};
        buckets.compute(key, (k, b) -> {
            double tokens = b == null ? limit : refilled(b, now);
            if (tokens >= 1) {
                allowed[0] = true;
                tokens -= 1;
            }
            return new Bucket(tokens, now);
        });
        return allowed[0];
    }

    /** Seconds until the key may try again, for a Retry-After header. */
    public long retryAfterSeconds() {
        return Math.max(1, HOUR_MILLIS / Math.max(1, limit) / 1000);
    }

    private double refilled(Bucket b, long now) {
        return Math.min(limit, b.tokens() + (now - b.atMillis()) * (double) limit / HOUR_MILLIS);
    }

    private void prune() {
        long now = clock.millis();
        buckets.entrySet().removeIf(e -> refilled(e.getValue(), now) >= limit);
        // Still too many (a flood from very many addresses): forget them all rather than let memory grow without end.
        if (buckets.size() > MAX_KEYS) buckets.clear();
    }
}
