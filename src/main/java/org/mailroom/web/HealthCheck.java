package org.mailroom.web;

import java.util.function.BooleanSupplier;

/**
 * One part {@code GET /health} reports on (the database, the scheduler, sending). The probe answers true when the
 * part works; false or an exception means down, and the exception's message says why (it is shown to monitors, so
 * it must not carry secrets).
 */
public record HealthCheck(String name, BooleanSupplier probe) {
    boolean up() {
        return problem() == null;
    }

    /** Null when the part works; otherwise why not ("down" when the probe gives no reason). */
    String problem() {
        try {
            return probe.getAsBoolean() ? null : "down";
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /** A check for a part that reports its own problem as text: null means up. */
    public static HealthCheck reporting(String name, java.util.function.Supplier<String> problem) {
        return new HealthCheck(name, () -> {
            String p = problem.get();
            if (p != null) throw new IllegalStateException(p);
            return true;
        });
    }
}
