package org.mailroom.web;

import org.mailroom.operator.OperatorStore.MinuteCount;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Messages per minute as a bar chart in inline SVG, drawn on the server: no script and nothing from elsewhere.
 * It carries a title and a text summary, so a screen reader gets the figures too.
 */
final class SvgChart {
    static final int WIDTH = 720;
    static final int HEIGHT = 200;
    private static final int LEFT = 48;
    /** Beyond a day of minutes the bars would be thinner than a pixel: the chart then shows only minutes with messages. */
    private static final int MAX_MINUTES = 24 * 60;
    private static final int BOTTOM = 24;
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private SvgChart() {}

    static String of(List<MinuteCount> counted) {
        List<MinuteCount> minutes = continuous(counted);
        StringBuilder svg = new StringBuilder();
        long max = minutes.stream().mapToLong(MinuteCount::messages).max().orElse(0);
        svg.append("<svg class=\"chart\" role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
            .append("\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"chart-title\">Messages per minute: ")
            .append(minutes.size()).append(" minutes, at most ").append(max).append(" in one</title>");
        axes(svg, max);
        if (minutes.isEmpty()) {
            svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2).append("\" text-anchor=\"middle\" class=\"empty\">No messages yet</text>");
        } else {
            bars(svg, minutes, max);
        }
        return svg.append("</svg>").toString();
    }

    /** Minutes without a message are in the query's answer as nothing: here they become bars of height 0, so time stays even. */
    static List<MinuteCount> continuous(List<MinuteCount> counted) {
        if (counted.size() < 2) return counted;
        java.util.Map<java.time.Instant, Long> by = new java.util.HashMap<>();
        for (MinuteCount m : counted) by.put(m.minute(), m.messages());
        java.time.Instant last = counted.get(counted.size() - 1).minute();
        if (java.time.Duration.between(counted.get(0).minute(), last).toMinutes() > MAX_MINUTES) return counted;
        List<MinuteCount> out = new java.util.ArrayList<>();
        for (java.time.Instant t = counted.get(0).minute(); !t.isAfter(last); t = t.plusSeconds(60)) out.add(new MinuteCount(t, by.getOrDefault(t, 0L)));
        return out;
    }

    private static void axes(StringBuilder svg, long max) {
        int base = HEIGHT - BOTTOM;
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(base).append("\" x2=\"").append(WIDTH).append("\" y2=\"").append(base).append("\" class=\"axis\"/>");
        svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"14\" text-anchor=\"end\">").append(max).append("</text>");
        svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(base).append("\" text-anchor=\"end\">0</text>");
    }

    private static void bars(StringBuilder svg, List<MinuteCount> minutes, long max) {
        double slot = (double) (WIDTH - LEFT) / minutes.size();
        double width = Math.min(48, Math.max(1, slot * 0.8));
        int plot = HEIGHT - BOTTOM - 10;
        int labelEvery = Math.max(1, minutes.size() / 6);
        for (int i = 0; i < minutes.size(); i++) {
            MinuteCount m = minutes.get(i);
            double h = max == 0 ? 0 : (double) m.messages() * plot / max;
            double x = LEFT + i * slot + (slot - width) / 2;
            svg.append(String.format(java.util.Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"bar\"><title>%s: %d</title></rect>",
                x, HEIGHT - BOTTOM - h, width, h, HM.format(m.minute()), m.messages()));
            if (i % labelEvery == 0) svg.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                x + width / 2, HEIGHT - 6, HM.format(m.minute())));
        }
    }
}
