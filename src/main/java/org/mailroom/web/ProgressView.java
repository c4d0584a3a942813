package org.mailroom.web;

import org.mailroom.delivery.Campaign;
import org.mailroom.delivery.Progress;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One campaign's line on the operator's page: its counts, the share done, the rate of the last minute and the time
 * left at that rate. The same values feed the page and its live updates ({@code /admin/progress.json}).
 */
record ProgressView(Campaign campaign, Progress progress, double perSecond) {

    int percent() {
        long total = progress.audience();
        if (total == 0) return progress.status().isFinal() ? 100 : 0;
        return (int) Math.min(100, progress.done() * 100 / total);
    }

    String rate() {
        return perSecond == 0 ? "–" : String.format(Locale.ROOT, "%.1f/s", perSecond);
    }

    String timeLeft() {
        if (progress.pending() == 0) return "–";
        if (perSecond == 0) return "unknown";
        return duration(Duration.ofSeconds((long) Math.ceil(progress.pending() / perSecond)));
    }

    static String duration(Duration d) {
        if (d.toHours() > 0) return d.toHours() + " h " + d.toMinutesPart() + " min";
        if (d.toMinutes() > 0) return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        return d.toSeconds() + " s";
    }

    /** The values a template or the live script shows, by name. */
    Map<String, Object> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", campaign.id());
        m.put("subject", campaign.subject());
        m.put("file", campaign.sourceFile());
        m.put("status", progress.status().db());
        m.put("audience", progress.audience());
        m.put("sent", progress.sent());
        m.put("deferred", progress.deferred());
        m.put("failed", progress.failed());
        m.put("pending", progress.pending());
        m.put("percent", percent());
        m.put("rate", rate());
        m.put("left", timeLeft());
        m.put("active", !progress.status().isFinal());
        m.put("sending", progress.status().db().equals("sending"));
        m.put("paused", progress.status().db().equals("paused"));
        m.put("created", Html.time(campaign.createdAt()));
        return m;
    }

    /** The live fields as a JSON object; strings pass through {@link Html#json}. */
    String json() {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, Object> e : values().entrySet()) {
            if (b.length() > 1) b.append(',');
            Object v = e.getValue();
            b.append(Html.json(e.getKey())).append(':').append(v instanceof Number || v instanceof Boolean ? v.toString() : Html.json(String.valueOf(v)));
        }
        return b.append('}').toString();
    }
}
