package org.mailroom.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong admin tokens per client address: after {@link #LIMIT} in {@link #WINDOW} the login form refuses that
 * address until the window has passed, so a token cannot be guessed at the speed of HTTP.
 */
final class LoginThrottle {
    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** Beyond this many addresses the oldest failures are forgotten: memory stays bounded under a spray of addresses. */
    static final int MAX_ADDRESSES = 10_000;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    boolean blocked(String address) {
        Deque<Instant> d = failures.get(address);
        if (d == null) return false;
        synchronized (d) {
            Instant since = clock.instant().minus(WINDOW);
            while (!d.isEmpty() && d.peekFirst().isBefore(since)) d.pollFirst();
            return d.size() >= LIMIT;
        }
    }

    void failed(String address) {
        if (failures.size() >= MAX_ADDRESSES) failures.clear();
        Deque<Instant> d = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (d) {
            d.addLast(clock.instant());
            if (d.size() > LIMIT) d.pollFirst();
        }
    }
}
