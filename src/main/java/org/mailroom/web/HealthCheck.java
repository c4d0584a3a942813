package org.mailroom.web;

import java.util.function.BooleanSupplier;

/**
 * One part {@code GET /health} reports on (the database; the scheduler later). The probe answers true when the
 * part works; false or an exception means down.
 */
public record HealthCheck(String name, BooleanSupplier probe) {
    boolean up() {
        try {
            return probe.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
