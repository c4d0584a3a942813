package org.mailroom.issue;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.mailroom.MailroomException;
import org.mailroom.issue.inline.CssInliner;
import org.mailroom.issue.inline.HtmlWriter;
import org.mailroom.message.MessageTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders an issue into the email every reader gets: Markdown to HTML, sanitized, themed, CSS inlined,
 * and the plain-text part. Holds the parser, the compiled templates and the inliner, built once: one
 * instance renders a whole archive, from several threads at once.
 */
public final class IssueRenderer {
    /** Gmail clips a message whose HTML is larger than this. */
    static final int GMAIL_CLIP_BYTES = 102 * 1024;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private final RenderSettings settings;
    private final IssueReader reader;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final Theme theme = new Theme();
    /** Thread-safe; its cache compiles the theme's stylesheet once for all threads. */
    private final CssInliner inliner = new CssInliner();

    /** A rendered issue, how long each stage took, and the issue it came from. */
    public record Rendered(Issue issue, EmailContent content, RenderTimings timings) {}

    public IssueRenderer(RenderSettings settings) {
        this.settings = settings;
        this.reader = new IssueReader(settings.maxBytes());
    }

    public Rendered render(Path file) {
        List<Warning> warnings = Lint.newList();
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return guarded(name, () -> render(reader.read(file, warnings), warnings));
    }

    public Rendered render(String file, byte[] bytes) {
        List<Warning> warnings = Lint.newList();
        return guarded(file, () -> render(reader.parse(file, bytes, warnings), warnings));
    }

    /** Only IssueException leaves: a parser's stack overflow or bug on hostile input becomes one clear line. */
    private static Rendered guarded(String file, java.util.function.Supplier<Rendered> work) {
        try {
            return work.get();
        } catch (MailroomException e) {
            throw e instanceof IssueException ? e : new IssueException(file, 0, e.getMessage());
        } catch (StackOverflowError e) {
            throw new IssueException(file, 0, "nested too deep to render (stack overflow)");
        } catch (RuntimeException e) {
            throw new IssueException(file, 0, "cannot render: " + e);
        }
    }

    /** The issue's body alone, as HTML fragment and text, without the theme: what golden tests compare. */
    Body body(Issue issue, List<Warning> warnings) {
        Lint lint = new Lint(issue, warnings);
        Element body = HtmlBody.process(markdown.tree(markdown.parse(issue.body(), lint), lint), lint, settings.resolveBase()).body();
        warnings.sort(java.util.Comparator.comparingInt(Warning::line));
        return new Body(body.html(), PlainText.of(body));
    }

    /** The body of an issue: HTML fragment and plain text. */
    record Body(String html, String text) {}

    Issue read(String file, byte[] bytes, List<Warning> warnings) {
        return reader.parse(file, bytes, warnings);
    }

    private Rendered render(Issue issue, List<Warning> warnings) {
        Lint lint = new Lint(issue, warnings);
        long t0 = System.nanoTime();
        var doc = markdown.parse(issue.body(), lint);
        long t1 = System.nanoTime();
        HtmlBody.Cleaned cleaned = HtmlBody.process(markdown.tree(doc, lint), lint, settings.resolveBase());
        Element body = cleaned.body();
        Map<String, Object> scope = scope(issue, body);
        String shell = cleaned.reparsesAlike() && body.childNodeSize() > 0 ? theme.shell(scope) : null;
        // Written before the inliner takes the body's nodes into its page: the source page, if it is asked for, is made of it.
        String bodyHtml = HtmlWriter.html(body, issue.body().length() * 2);
        String source = shell == null ? theme.html(withBody(scope, bodyHtml)) : null;
        long t2 = System.nanoTime();
        scope.put("body", PlainText.of(body).stripTrailing());
        String text = theme.text(scope);
        long t3 = System.nanoTime();
        Document page = shell == null ? null : theme.document(shell, body);
        if (page == null && shell != null) source = Theme.withBody(shell, bodyHtml);
        String html = page == null ? inline(source, bodyHtml, cleaned)
            : HtmlWriter.html(inliner.inline(page), (shell.length() + issue.body().length()) * 3);
        long t4 = System.nanoTime();
        int size = utf8Length(html);
        if (size > GMAIL_CLIP_BYTES)
            lint.warn(0, "HTML is " + size / 1024 + " KB: Gmail clips messages over 102 KB");
        warnings.sort(java.util.Comparator.comparingInt(Warning::line));  // stable: same-line warnings keep their order
        EmailContent content = page == null ? new EmailContent(subject(issue), html, source, text, warnings)
            : new EmailContent(subject(issue), html, () -> Theme.withBody(shell, bodyHtml), text, warnings);
        return new Rendered(issue, content, new RenderTimings(t1 - t0, t2 - t1, t4 - t3, t3 - t2));
    }

    private static Map<String, Object> withBody(Map<String, Object> scope, String bodyHtml) {
        scope.put("body", bodyHtml);
        return scope;
    }

    /**
     * The page with its CSS inlined: what {@code inliner.inline(source)} gives, but where the body's tree is the one
     * parsing {@code source} would build, the inliner takes that tree inside the parsed theme instead (issue 578:
     * 46 KB not parsed a second time).
     */
    private String inline(String source, String bodyHtml, HtmlBody.Cleaned cleaned) {
        Document page = cleaned.reparsesAlike() ? theme.document(source, bodyHtml, cleaned.body()) : null;
        if (page == null) return inliner.inline(source);
        return HtmlWriter.html(inliner.inline(page), source.length() * 3);
    }

    private Map<String, Object> scope(Issue issue, Element body) {
        Map<String, Object> s = new HashMap<>();
        String number = issue.number();
        s.put("newsletterName", settings.newsletterName());
        s.put("title", issue.title());
        s.put("number", number == null ? "" : number);
        s.put("date", displayDate(issue.get("date")));
        s.put("webUrl", webUrl(issue, number));
        s.put("preheader", Preheader.of(issue, body));
        s.put("unsubscribeUrl", settings.baseUrl() + "/unsubscribe/" + MessageTemplate.TOKEN_PLACEHOLDER);
        s.put("postalAddress", settings.postalAddress());
        return s;
    }

    private String webUrl(Issue issue, String number) {
        String url = issue.get("url");
        if (url != null && url.matches("(?i)https?://\\S+")) return url;
        String id = number != null ? number : issue.file().replaceFirst("\\.[^.]*$", "");
        return settings.baseUrl() + "/archive/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    /** What {@code s.getBytes(UTF_8).length} gives (a lone surrogate becomes '?'), without encoding 100 KB to count it. */
    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n++;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) { n += 4; i++; }
            else if (Character.isSurrogate(c)) n++;
            else n += 3;
        }
        return n;
    }

    static String displayDate(String raw) {
        LocalDate d = HeaderParser.parseDate(raw);
        return d != null ? DAY.format(d) : raw == null ? "" : raw.strip();
    }

    /** The Subject: the title, checked again here because a header must never carry a line break. */
    private static String subject(Issue issue) {
        String t = issue.title();
        if (t.indexOf('\r') >= 0 || t.indexOf('\n') >= 0) throw new IssueException(issue.file(), 1, "title contains a line break: refused");
        return t;
    }
}
