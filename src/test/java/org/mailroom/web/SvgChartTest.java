package org.mailroom.web;

import org.junit.jupiter.api.Test;
import org.mailroom.operator.OperatorStore.MinuteCount;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartTest {
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void minutes_without_messages_become_empty_bars_so_time_runs_evenly() {
        List<MinuteCount> filled = SvgChart.continuous(List.of(new MinuteCount(T0, 5), new MinuteCount(T0.plusSeconds(180), 7)));
        assertThat(filled).extracting(MinuteCount::messages).containsExactly(5L, 0L, 0L, 7L);
    }

    @Test
    void the_chart_is_svg_with_one_bar_per_minute_a_title_and_the_largest_count_on_its_axis() {
        String svg = SvgChart.of(List.of(new MinuteCount(T0, 120), new MinuteCount(T0.plusSeconds(60), 60)));
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("<title id=\"chart-title\">Messages per minute: 2 minutes, at most 120 in one</title>",
            "<title>09:00: 120</title>", "<title>09:01: 60</title>", ">120</text>");
        assertThat(svg.split("<rect", -1)).hasSize(3);
    }

    @Test
    void a_campaign_without_messages_says_so_instead_of_drawing_nothing() {
        assertThat(SvgChart.of(List.of())).contains("No messages yet");
    }
}
