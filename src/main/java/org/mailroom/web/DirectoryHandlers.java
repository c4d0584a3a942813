package org.mailroom.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.mailroom.MailroomException;
import org.mailroom.operator.OperatorStore;
import org.mailroom.smtp.Outbox;
import org.mailroom.subscriber.Status;
import org.mailroom.subscriber.Subscriber;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The operator's look at people and messages: subscribers (counts, search, one's history) and the embedded outbox. */
final class DirectoryHandlers {
    static final int PAGE = 50;
    private final Operator op;
    private final Pages pages;

    DirectoryHandlers(Operator op, Pages pages) {
        this.op = op;
        this.pages = pages;
    }

    void subscribers(Context ctx) {
        Map<String, Object> scope = AdminHandlers.scope(ctx, "subscribers");
        List<Map<String, Object>> counts = new ArrayList<>();
        op.subscribers().countByStatus().forEach((s, n) -> counts.add(Map.of("status", s.value(), "count", n)));
        scope.put("counts", counts);
        String q = ctx.queryParam("q");
        if (q != null && !q.isBlank()) {
            scope.put("q", q);
            scope.put("results", op.store().searchSubscribers(q, 0, PAGE).stream().map(r -> Map.of("id", r.id(), "email", r.email(),
                "name", r.name() == null ? "" : r.name(), "status", r.status(), "created", Html.time(r.createdAt()))).toList());
        }
        pages.render(ctx, 200, "admin-subscribers", scope);
    }

    /** Consent (when, how, from where), every send and bounce, and how the person left. */
    void subscriber(Context ctx) {
        long id = AdminHandlers.id(ctx);
        Subscriber s = op.subscribers().findById(id).orElseThrow(() -> new NotFoundResponse("no such subscriber"));
        Map<String, Object> scope = AdminHandlers.scope(ctx, "subscribers");
        Map<String, Object> p = new HashMap<>();
        p.put("email", s.email());
        p.put("name", s.name() == null ? "" : s.name());
        p.put("status", s.status().value());
        p.put("subscribed", Html.time(s.subscribedAt()) + " via " + s.subscribedSource() + (s.subscribedIp() == null ? "" : " from " + s.subscribedIp()));
        p.put("confirmed", s.confirmedAt() == null ? "not confirmed" : Html.time(s.confirmedAt()) + (s.confirmedIp() == null ? "" : " from " + s.confirmedIp()));
        if (s.leftAt() != null) p.put("left", Html.time(s.leftAt()) + " (" + s.leftSource() + (s.leftCampaignId() == null ? "" : ", campaign " + s.leftCampaignId()) + ")");
        scope.put("s", p);
        scope.put("sends", op.store().sendsTo(id).stream().map(e -> Map.of("time", Html.time(e.at()), "campaign", e.campaignId(),
            "outcome", e.outcome(), "detail", e.detail() == null ? "" : e.detail())).toList());
        scope.put("bounces", op.store().bouncesOf(id).stream().map(DirectoryHandlers::bounce).toList());
        pages.render(ctx, 200, "admin-subscriber", scope);
    }

    private static Map<String, Object> bounce(OperatorStore.BounceLine b) {
        return Map.of("time", Html.time(b.at()), "campaign", b.campaignId() == null ? "–" : b.campaignId(), "kind", b.kind(),
            "status", b.statusCode() == null ? "" : b.statusCode(), "reason", b.reason() == null ? "" : b.reason());
    }

    void outbox(Context ctx) {
        Map<String, Object> scope = AdminHandlers.scope(ctx, "outbox");
        Outbox box = op.outbox();
        scope.put("embedded", box != null);
        if (box != null) {
            scope.put("messages", box.list().stream().limit(500).map(e -> Map.of("id", e.id(), "time", Html.time(e.receivedAt()),
                "to", e.to() == null ? "" : e.to(), "subject", e.subject() == null ? "" : decode(e.subject()), "size", e.size() / 1024 + " KB")).toList());
        }
        pages.render(ctx, 200, "admin-outbox", scope);
    }

    void message(Context ctx) {
        byte[] raw = raw(ctx);
        MimeMessage m = parse(raw);
        Map<String, Object> scope = AdminHandlers.scope(ctx, "outbox");
        scope.put("id", ctx.pathParam("id"));
        scope.put("subject", get(() -> m.getSubject()));
        scope.put("to", get(() -> String.join(", ", m.getHeader("To", ",") == null ? "" : m.getHeader("To", ","))));
        scope.put("from", get(() -> m.getHeader("From", ",")));
        scope.put("text", MimeParts.text(m, "text/plain"));
        scope.put("hasHtml", MimeParts.text(m, "text/html") != null);
        pages.render(ctx, 200, "admin-message", scope);
    }

    void messageHtml(Context ctx) {
        String html = MimeParts.text(parse(raw(ctx)), "text/html");
        if (html == null) throw new NotFoundResponse("this message has no HTML part");
        AdminCsp.preview(ctx);
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    void messageRaw(Context ctx) {
        ctx.contentType("text/plain; charset=utf-8").result(new String(raw(ctx), StandardCharsets.UTF_8));
    }

    private byte[] raw(Context ctx) {
        if (op.outbox() == null) throw new NotFoundResponse("no outbox: smtp.host is a relay");
        try {
            return op.outbox().read(ctx.pathParam("id"));
        } catch (MailroomException e) {
            throw new NotFoundResponse("no such message");
        }
    }

    private static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(Session.getInstance(new java.util.Properties()), new ByteArrayInputStream(raw));
        } catch (jakarta.mail.MessagingException e) {
            throw new NotFoundResponse("the message cannot be read: " + e.getMessage());
        }
    }

    private static String decode(String header) {
        try {
            return jakarta.mail.internet.MimeUtility.decodeText(header);
        } catch (java.io.UnsupportedEncodingException e) {
            return header;
        }
    }

    interface Get {
        String get() throws Exception;
    }

    private static String get(Get g) {
        try {
            String v = g.get();
            return v == null ? "" : v;
        } catch (Exception e) {
            return "";
        }
    }
}
