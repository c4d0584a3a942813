package org.mailroom.message;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.mailroom.issue.EmailContent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/** Test helpers: a realistic issue, readers, and reading a message back with jakarta.mail. */
final class Mail {
    static final String PH = MessageTemplate.TOKEN_PLACEHOLDER;
    static final MessageSettings SETTINGS = new MessageSettings("This Week in Rust <newsletter@example.org>", null,
        "weekly.example.org", URI.create("https://news.example.org"), "unsubscribe@example.org");
    private static final Session SESSION = Session.getInstance(new Properties());

    private Mail() {}

    static EmailContent content(String subject, String text, String html) {
        return new EmailContent(subject, html, html, text, List.of());
    }

    static Recipient reader(int n) {
        String token = (n + "-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ_").substring(0, MessageTemplate.TOKEN_LENGTH);
        return new Recipient("reader" + n + "@example.com", "Reader " + n, token, "m" + n + ".c7@news.example.org");
    }

    /** The project's sample issue, its body repeated to about 90 KB encoded, as text and as HTML with inline styles. */
    static EmailContent largeIssue() {
        String md;
        try {
            md = java.nio.file.Files.readString(java.nio.file.Path.of("examples/sample-issue.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String body = md.substring(md.indexOf("\n\n") + 2).repeat(24);
        String html = HtmlRenderer.builder().build().render(Parser.builder().build().parse(body))
            .replace("<p>", "<p style=\"margin:0 0 16px;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2328\">")
            .replace("<a href", "<a style=\"color:#0969da;text-decoration:underline\" href")
            .replace("<li>", "<li style=\"margin:0 0 6px;font-size:16px;line-height:1.5\">");
        String footer = "<p><a href=\"https://news.example.org/unsubscribe/" + PH + "\">Unsubscribe</a> \u00b7 Mailroom Weekly</p>";
        html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><table width=\"100%\"><tr><td>\n"
            + html + footer + "\n</td></tr></table></body></html>\n";
        String text = body + "\n--\nUnsubscribe: https://news.example.org/unsubscribe/" + PH + "\n";
        return content("This Week in Rust 578 \u2014 \u00e9dition sp\u00e9ciale \ud83e\udd80", text, html);
    }

    static MimeMessage parse(byte[] bytes) {
        try {
            MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
            m.getContent();
            return m;
        } catch (Exception e) {
            throw new AssertionError("message does not parse: " + e, e);
        }
    }

    static String part(MimeMessage m, int i) {
        try {
            BodyPart p = ((MimeMultipart) m.getContent()).getBodyPart(i);
            return (String) p.getContent();
        } catch (Exception e) {
            throw new AssertionError("part " + i + " does not decode: " + e, e);
        }
    }

    static String header(MimeMessage m, String name) {
        try {
            String[] v = m.getHeader(name);
            return v == null ? null : v[0];
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** What a part should decode to: the placeholder replaced, every line break as CRLF. */
    static String expected(String content, String token) {
        return content.replace(PH, token).replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    }

    /** Lone surrogates cannot be encoded in UTF-8 (they become '?'), so generated strings drop them. */
    static String withoutLoneSurrogates(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(c -> c < 0xD800 || c > 0xDFFF).forEach(b::appendCodePoint);
        return b.toString();
    }

    static String ascii(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
