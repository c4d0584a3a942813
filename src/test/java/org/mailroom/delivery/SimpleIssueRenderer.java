package org.mailroom.delivery;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import org.mailroom.issue.EmailContent;
import org.mailroom.message.MessageTemplate;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A plain renderer for delivery tests (Markdown to HTML, a Pelican "Title:" header as the subject, an unsubscribe
 * footer): fast, with no theme and no CSS, so the tests measure delivery, not rendering.
 */
public final class SimpleIssueRenderer implements IssueRenderer {
    private final URI baseUrl;

    public SimpleIssueRenderer(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public EmailContent render(String fileName, byte[] markdown) {
        String text = new String(markdown, StandardCharsets.UTF_8).replace("\r\n", "\n");
        String subject = fileName;
        int body = 0;
        for (String line : text.split("\n", -1)) {
            if (line.isBlank() || !line.matches("^[A-Za-z-]+:.*")) break;
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("title:")) subject = line.substring(6).strip();
            body += line.length() + 1;
        }
        String md = text.substring(Math.min(body, text.length())).strip();
        String link = baseUrl + "/unsubscribe/" + MessageTemplate.TOKEN_PLACEHOLDER;
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(subject) + "</title></head><body>"
            + HtmlRenderer.builder().build().render(Parser.builder().build().parse(md))
            + "<p><a href=\"" + link + "\">Unsubscribe</a></p></body></html>";
        return new EmailContent(subject, html, html, md + "\n\n--\nUnsubscribe: " + link + "\n", List.of());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
