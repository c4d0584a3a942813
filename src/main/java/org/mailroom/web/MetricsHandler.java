package org.mailroom.web;

import io.javalin.http.Context;
import org.mailroom.operator.Metrics;

/** {@code GET /metrics}: open, like most scrape targets, because it holds counts and ids only, never addresses. */
record MetricsHandler(Metrics metrics) {
    void scrape(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }
}
