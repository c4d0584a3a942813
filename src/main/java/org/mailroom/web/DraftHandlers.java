package org.mailroom.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import org.mailroom.MailroomException;
import org.mailroom.delivery.SmtpReply;
import org.mailroom.delivery.StartTime;
import org.mailroom.issue.EmailContent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * The editor's new-campaign form: upload or paste an issue, see it rendered (a sandboxed frame), its text and the
 * lint warnings, send a test to one address, then send now or at a time. The issue being prepared stays in the
 * operator's session, so the campaign sent is the one previewed.
 */
final class DraftHandlers {
    private final Operator op;
    private final Pages pages;

    DraftHandlers(Operator op, Pages pages) {
        this.op = op;
        this.pages = pages;
    }

    void form(Context ctx) {
        show(ctx, 200, null, null);
    }

    /** Renders what was uploaded or pasted and shows it. */
    void preview(Context ctx) {
        byte[] markdown = issue(ctx);
        String name = fileName(ctx);
        AdminSessions.Session s = ctx.attribute("session");
        try {
            EmailContent content = op.renderer().render(name, markdown);
            s.draft = new Draft(name, markdown, content);
            show(ctx, 200, null, null);
        } catch (MailroomException e) {
            s.draft = null;
            show(ctx, 400, e.getMessage(), null);
        }
    }

    void testSend(Context ctx) {
        Draft d = draft(ctx);
        String to = ctx.formParam("to");
        if (to == null || to.isBlank()) throw new BadRequestResponse("a test needs an address");
        try {
            SmtpReply reply = op.delivery().sendTest(d.fileName(), d.markdown(), to.strip());
            show(ctx, 200, null, "Test sent to " + to.strip() + ": " + reply);
        } catch (MailroomException e) {
            show(ctx, 502, "The test could not be sent: " + e.getMessage(), null);
        }
    }

    /** Sends now, or schedules when a time is given; the draft is used up. */
    void send(Context ctx) {
        Draft d = draft(ctx);
        String at = ctx.formParam("at");
        Instant when = at == null || at.isBlank() ? null : StartTime.parse(at.length() == 16 ? at + ":00Z" : at, "at");
        long id = op.delivery().campaigns().create(d.fileName(), d.markdown(), when);
        AdminSessions.Session s = ctx.attribute("session");
        s.draft = null;
        ctx.redirect("/admin/campaigns/" + id);
    }

    void draftHtml(Context ctx) {
        Draft d = draft(ctx);
        AdminCsp.preview(ctx);
        ctx.contentType("text/html; charset=utf-8").result(d.content().html());
    }

    private void show(Context ctx, int status, String error, String notice) {
        Map<String, Object> scope = AdminHandlers.scope(ctx, "new");
        AdminSessions.Session s = ctx.attribute("session");
        Draft d = s.draft;
        if (d != null) {
            scope.put("draft", Map.of("file", d.fileName(), "subject", d.content().subject(), "text", d.content().text(),
                "warnings", d.content().warnings().stream().map(Object::toString).toList(), "hasWarnings", !d.content().warnings().isEmpty(),
                "version", Integer.toHexString(System.identityHashCode(d))));
        }
        if (error != null) scope.put("error", error);
        if (notice != null) scope.put("notice", notice);
        pages.render(ctx, status, "admin-new", scope);
    }

    private static Draft draft(Context ctx) {
        AdminSessions.Session s = ctx.attribute("session");
        if (s.draft == null) throw new BadRequestResponse("no issue prepared: upload or paste one first");
        return s.draft;
    }

    private static byte[] issue(Context ctx) {
        UploadedFile file = ctx.uploadedFile("file");
        if (file != null && file.size() > 0) {
            try (InputStream in = file.content()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new BadRequestResponse("the upload could not be read");
            }
        }
        String pasted = ctx.formParam("markdown");
        if (pasted == null || pasted.isBlank()) throw new BadRequestResponse("upload a file or paste the issue");
        return pasted.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String fileName(Context ctx) {
        UploadedFile file = ctx.uploadedFile("file");
        String name = file != null && file.size() > 0 ? file.filename() : ctx.formParam("name");
        if (name == null || name.isBlank()) return "issue.md";
        name = name.replaceAll(".*[/\\\\]", "").strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
