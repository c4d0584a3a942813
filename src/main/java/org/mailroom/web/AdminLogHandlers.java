package org.mailroom.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import org.mailroom.delivery.LogEntry;
import org.mailroom.operator.LogFilter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The delivery log: filters by outcome, recipient, time range and campaign, newest first, paged by id (the next page
 * starts below the last id shown), with the SMTP reply of each attempt.
 */
final class AdminLogHandlers {
    static final int PAGE = 50;
    static final List<String> OUTCOMES = List.of("sent", "deferred", "failed", "skipped", "bounce-hard", "bounce-soft", "complaint",
        "started", "paused", "resumed", "cancelled", "finished");
    private final Operator op;
    private final Pages pages;

    AdminLogHandlers(Operator op, Pages pages) {
        this.op = op;
        this.pages = pages;
    }

    void log(Context ctx) {
        LogFilter filter = filter(ctx);
        List<LogEntry> lines = op.store().log(filter, PAGE + 1);
        boolean more = lines.size() > PAGE;
        if (more) lines = lines.subList(0, PAGE);
        Map<String, Object> scope = AdminHandlers.scope(ctx, "log");
        scope.put("lines", lines.stream().map(AdminLogHandlers::line).toList());
        scope.put("outcomes", OUTCOMES.stream().map(o -> Map.of("value", o, "selected", o.equals(filter.outcome()))).toList());
        scope.put("recipient", ctx.queryParam("recipient"));
        scope.put("from", ctx.queryParam("from"));
        scope.put("until", ctx.queryParam("until"));
        scope.put("campaign", filter.campaignId() == 0 ? "" : filter.campaignId());
        if (more) scope.put("next", nextPage(ctx, lines.get(lines.size() - 1).id()));
        pages.render(ctx, 200, "admin-log", scope);
    }

    private static Map<String, Object> line(LogEntry e) {
        Map<String, Object> m = new HashMap<>();
        m.put("time", Html.time(e.at()));
        m.put("campaign", e.campaignId());
        m.put("email", e.email() == null ? "–" : e.email());
        m.put("outcome", e.outcome());
        m.put("problem", e.outcome().equals("failed") || e.outcome().startsWith("bounce") || e.outcome().equals("complaint"));
        m.put("detail", e.detail() == null ? "" : e.detail());
        m.put("duplicate", e.possibleDuplicate());
        return m;
    }

    /** The same filters with the keyset position after the last line shown. */
    private static String nextPage(Context ctx, long lastId) {
        StringBuilder q = new StringBuilder("/admin/log?before=").append(lastId);
        for (String k : List.of("outcome", "recipient", "from", "until", "campaign")) {
            String v = ctx.queryParam(k);
            if (v != null && !v.isBlank()) q.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    static LogFilter filter(Context ctx) {
        String outcome = ctx.queryParam("outcome");
        if (outcome != null && (outcome.isBlank() || !OUTCOMES.contains(outcome))) outcome = null;
        return new LogFilter(outcome, ctx.queryParam("recipient"), time(ctx.queryParam("from"), "from"), time(ctx.queryParam("until"), "until"),
            number(ctx.queryParam("campaign"), 0), number(ctx.queryParam("before"), Long.MAX_VALUE));
    }

    /** A time from the form's datetime-local field (read as UTC, like the log) or an ISO instant. */
    private static Instant time(String v, String field) {
        if (v == null || v.isBlank()) return null;
        try {
            return v.endsWith("Z") ? Instant.parse(v) : LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse(field + ": not a time (" + v + ")");
        }
    }

    private static long number(String v, long otherwise) {
        if (v == null || v.isBlank()) return otherwise;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("not a number: " + v);
        }
    }
}
