package org.mailroom.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.mailroom.operator.OperatorStore.ArchivedIssue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The public archive: the issues that went out, newest first, each as a web page, and an Atom feed. The page is the
 * email's own HTML with the one personal link (unsubscribe) turned into a subscribe link ({@link WebCopy}): no
 * reader's token is ever in it.
 */
final class ArchiveHandlers {
    static final int FEED_ENTRIES = 50;
    private final Operator op;
    private final Pages pages;

    ArchiveHandlers(Operator op, Pages pages) {
        this.op = op;
        this.pages = pages;
    }

    void list(Context ctx) {
        List<Map<String, Object>> issues = op.store().archive(1000).stream().map(i -> Map.<String, Object>of(
            "href", href(i), "subject", i.subject(), "date", i.date() == null ? Html.time(i.startedAt()).substring(0, 10) : i.date())).toList();
        ctx.header("Cache-Control", "public, max-age=300");
        pages.render(ctx, 200, "archive", Map.of("issues", issues, "empty", issues.isEmpty()));
    }

    /** The issue as a page of its own: the email's HTML is a complete document, styled inline. */
    void issue(Context ctx) {
        ArchivedIssue i = op.store().archived(ctx.pathParam("number")).orElseThrow(() -> new NotFoundResponse("no such issue"));
        String html = WebCopy.of(i.html(), op.baseUrl());
        // The email's inline styles need 'unsafe-inline'; still no script, no frames, nothing posted anywhere.
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline' 'self'; img-src https: data: 'self'; "
            + "form-action 'none'; frame-ancestors 'none'; base-uri 'none'");
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    void feed(Context ctx) {
        List<ArchivedIssue> issues = op.store().archive(FEED_ENTRIES);
        String base = op.baseUrl();
        Instant updated = issues.isEmpty() ? Instant.EPOCH : issues.get(0).startedAt();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        x.append("  <title>").append(Html.escape(pages.newsletter())).append("</title>\n");
        x.append("  <id>").append(Html.escape(base)).append("/archive</id>\n");
        x.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(Html.escape(base)).append("/archive/feed.xml\"/>\n");
        x.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(Html.escape(base)).append("/archive\"/>\n");
        x.append("  <updated>").append(atom(updated)).append("</updated>\n");
        x.append("  <author><name>").append(Html.escape(pages.newsletter())).append("</name></author>\n");
        for (ArchivedIssue i : issues) {
            String url = base + href(i);
            x.append("  <entry>\n    <title>").append(Html.escape(i.subject())).append("</title>\n");
            x.append("    <id>").append(Html.escape(url)).append("</id>\n");
            x.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(Html.escape(url)).append("\"/>\n");
            x.append("    <updated>").append(atom(i.startedAt())).append("</updated>\n  </entry>\n");
        }
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType("application/atom+xml; charset=utf-8").result(x.append("</feed>\n").toString());
    }

    private static String href(ArchivedIssue i) {
        return "/archive/" + URLEncoder.encode(i.number(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String atom(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format((t == null ? Instant.EPOCH : t).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
