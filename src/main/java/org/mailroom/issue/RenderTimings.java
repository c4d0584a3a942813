package org.mailroom.issue;

/** Where one render spent its time, in nanoseconds: Markdown parse, HTML (render, sanitize, theme), CSS inlining, text. */
public record RenderTimings(long parseNanos, long htmlNanos, long inlineNanos, long textNanos) {
    public long totalNanos() {
        return parseNanos + htmlNanos + inlineNanos + textNanos;
    }
}
