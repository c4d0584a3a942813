package org.mailroom.issue.inline;

import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.nio.file.Path;
import java.util.List;

/**
 * A realistic email source page, until the renderer exists: a Markdown issue rendered by flexmark into
 * the test theme (theme/layout.html with theme/email.css, about 100 rules). Used by the Chromium
 * equivalence test and the benchmark.
 */
final class NewsletterPage {
    static final Path THEME = Golden.DIR.resolve("theme");

    private NewsletterPage() {
    }

    /** The page for a TWiR issue file: its Pelican header (up to the first blank line) gives title, number and date. */
    static String fromIssue(Path markdownFile) {
        String text = Golden.read(markdownFile).replace("\r\n", "\n");
        int blank = text.indexOf("\n\n");
        String header = blank < 0 ? "" : text.substring(0, blank);
        String body = blank < 0 ? text : text.substring(blank + 2);
        return page(field(header, "Title"), field(header, "Number"), field(header, "Date"), html(body));
    }

    static String page(String title, String number, String date, String bodyHtml) {
        return Golden.read(THEME.resolve("layout.html"))
            .replace("{{css}}", Golden.read(THEME.resolve("email.css")).trim())
            .replace("{{title}}", title).replace("{{number}}", number).replace("{{date}}", date.replace('-', '/'))
            .replace("{{body}}", bodyHtml);
    }

    static String html(String markdown) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), FootnoteExtension.create(),
            StrikethroughExtension.create()));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        return HtmlRenderer.builder(options).build().render(Parser.builder(options).build().parse(markdown));
    }

    private static String field(String header, String name) {
        for (String line : header.split("\n")) {
            if (line.startsWith(name + ":")) return line.substring(name.length() + 1).trim();
        }
        return "";
    }
}
