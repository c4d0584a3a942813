package org.mailroom.subscriber;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {
    @Test
    void a_key_gets_its_limit_per_hour_and_more_as_time_passes() {
        OptInTest.MovableClock clock = new OptInTest.MovableClock(Instant.parse("2026-01-05T10:00:00Z"));
        RateLimiter limiter = new RateLimiter(3, clock);
        for (int i = 0; i < 3; i++) assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b")).as("other keys are not affected").isTrue();
        clock.advance(Duration.ofMinutes(20));
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
    }

    @Test
    void zero_means_no_limit() {
        RateLimiter limiter = new RateLimiter(0, java.time.Clock.systemUTC());
        for (int i = 0; i < 1000; i++) assertThat(limiter.tryAcquire("a")).isTrue();
    }
}
