package org.mailroom.issue;

import org.junit.jupiter.api.Test;
import org.mailroom.issue.inline.CssInliner;
import org.mailroom.issue.inline.HtmlWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every real TWiR issue in ../shared/corpus/twir (skipped when that folder is absent) renders, and no
 * reader would see an editor's comment, raw link syntax, a relative link or a script. One renderer for the
 * whole corpus, as the render command uses it.
 */
class CorpusTest {
    private static final Pattern RAW_LINK = Pattern.compile("\\]\\[[^\\]\\n]*\\]|\\]\\((https?:|/)");
    private static final Pattern CODE_OR_COMMENT = Pattern.compile("<(code|pre)\\b.*?</\\1>|<!--.*?-->", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("<a\\b[^>]*\\bhref=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSAFE = Pattern.compile("<script\\b|<[^>]*\\son[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);
    /** The renderer inlines the body's tree where it may; the result must be what inlining the page's text gives. */
    private static final CssInliner INLINER = new CssInliner();
    private static final List<String> COMMENT_MARKERS = List.of("Dear community contributors", "use this format", "Perf results go here");

    @Test
    void every_twir_issue_renders_without_leaks_raw_links_relative_links_or_scripts() throws IOException {
        List<Path> files = Golden.corpus();
        IssueRenderer renderer = new IssueRenderer(Golden.SETTINGS);
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        // Both cores, as the render command does: the renderer is shared and thread-safe.
        files.parallelStream().forEach(f -> {
            try {
                check(f, renderer.render(f).content(), Files.readString(f), problems);
            } catch (IOException e) {
                problems.add(f + ": " + e);
            }
        });
        assertThat(files).hasSizeGreaterThan(600);
        assertThat(problems).isEmpty();
    }

    private static void check(Path f, EmailContent c, String source, List<String> problems) {
        String name = f.getFileName().toString();
        String withoutComments = source.replaceAll("(?s)<!--.*?-->", "");
        for (String m : COMMENT_MARKERS)
            if (source.contains(m) && !withoutComments.contains(m) && (c.html().contains(m) || c.text().contains(m)))
                problems.add(name + ": comment text leaks: " + m);
        if (RAW_LINK.matcher(CODE_OR_COMMENT.matcher(c.html()).replaceAll("")).find()) problems.add(name + ": raw link syntax");
        var hrefs = HREF.matcher(c.html());
        while (hrefs.find()) {
            String h = hrefs.group(1);
            if (!h.isEmpty() && !h.matches("(?i)([a-z][a-z0-9+.-]*:|#).*")) { problems.add(name + ": relative link " + h); break; }
        }
        if (UNSAFE.matcher(c.html()).find()) problems.add(name + ": script, handler or javascript: URL");
        if (c.text().contains("<a ") || c.text().contains("</")) problems.add(name + ": HTML left in the text");
        if (!c.html().equals(INLINER.inline(c.sourceHtml()))) problems.add(name + ": the email is not the inlined page");
        org.jsoup.nodes.Document page = INLINER.inline(org.jsoup.Jsoup.parse(c.sourceHtml()));
        if (!HtmlWriter.html(page, 0).equals(page.html())) problems.add(name + ": the inlined page is not written as jsoup writes it");
    }
}
