package org.mailroom.issue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The body's cleaner gives exactly what jsoup's Cleaner gives with the same safelist, on real issues and on hostile HTML. */
class BodyCleanerTest {
    private static final Cleaner JSOUP = new Cleaner(HtmlBody.SAFELIST);
    private static final BodyCleaner OURS = new BodyCleaner(HtmlBody.SAFELIST);

    private static void assertSameAsJsoup(Document dirty) {
        String before = shape(dirty);
        Document expected = JSOUP.clean(dirty);
        Document actual = OURS.clean(dirty);
        assertThat(shape(actual)).isEqualTo(shape(expected));
        assertThat(actual.body().html()).isEqualTo(expected.body().html());
        assertThat(shape(dirty)).as("the dirty document is left as it was").isEqualTo(before);
    }

    @Test
    void cleans_every_corpus_issue_as_jsoup_does() throws IOException {
        List<Path> files = Golden.corpus();
        IssueRenderer renderer = new IssueRenderer(Golden.SETTINGS);
        MarkdownRenderer markdown = new MarkdownRenderer();
        for (Path f : files) {
            Issue issue = renderer.read(f.getFileName().toString(), Files.readAllBytes(f), Lint.newList());
            Lint lint = new Lint(issue, Lint.newList());
            var doc = markdown.parse(issue.body(), lint);
            assertSameAsJsoup(markdown.tree(doc, lint));
            assertSameAsJsoup(Jsoup.parseBodyFragment(markdown.render(doc, lint)));
        }
    }

    private static final List<String> HOSTILE = List.of(
        "<script>alert(1)</script>", "<script src=//evil.test/x.js></script>", "<iframe src=\"https://evil.test\"></iframe>",
        "<object data=x.swf><param name=a value=b></object>", "<embed src=x>", "<form action=/x><input name=q><button>go</button></form>",
        "<style>p{color:red}</style>", "<svg onload=alert(1)><circle r=1 /></svg>", "<math><mi>x</mi></math>",
        "<img src=x onerror=alert(1)>", "<img src=\"javascript:alert(1)\" alt=a>", "<img src=\"data:image/png;base64,AAA\" alt=b>",
        "<a href=\"javascript:alert(1)\">j</a>", "<a href=\"JaVaScRiPt:alert(1)\">j</a>", "<a href=\"jav&#x09;ascript:alert(1)\">j</a>",
        "<a href=\"&#106;avascript:alert(1)\">j</a>", "<a href=\" javascript:alert(1)\">j</a>", "<a href=\"java\0script:x\">j</a>",
        "<a href=\"vbscript:msgbox(1)\">v</a>", "<a href=\"data:text/html,<script>x</script>\">d</a>", "<a href=\"url:javascript:x\">u</a>",
        "<a href=\"url:https://x.test\">u</a>", "<a href=\"https://x.test/a?b=c#d\" title=t rel=nofollow target=_blank>ok</a>",
        "<a href=\"HTTPS://X.TEST\">up</a>", "<a href=\"ht&#10;tps://x.test\">nl</a>", "<a href=\"http:x\">h</a>", "<a href=\"https:\">e</a>",
        "<a href=\"mailto:a@b.test\">m</a>", "<a href=\"ftp://x.test\">f</a>", "<a href=\"tel:+1\">t</a>", "<a href=\"#fn-1\">n</a>",
        "<a href=\"#two words\">w</a>", "<a href=\"#\">h</a>", "<a href=\"\">e</a>", "<a href>b</a>", "<a href=\"/relative\">r</a>",
        "<a href=\"relative/page.html\">r</a>", "<a href=\"//x.test/p\">p</a>", "<a href=\"?q=1\">q</a>", "<a name=top id=top>n</a>",
        "<blockquote cite=\"javascript:x\">q</blockquote>", "<q cite=\"https://x.test\">q</q>", "<cite cite=\"/r\">c</cite>",
        "<div style=\"display:none\" class=c id=i align=center lang=en dir=rtl onclick=x>d</div>", "<p style=\"color:red\" align=left>p</p>",
        "<span STYLE=x CLASS=y data-x=1 aria-label=z>s</span>", "<table border=1 cellpadding=2 cellspacing=3 align=center width=9 bgcolor=red>"
            + "<caption>c</caption><colgroup><col span=2 width=5></colgroup><thead><tr><th abbr=a scope=col>h</th></tr></thead>"
            + "<tbody><tr valign=top><td colspan=2 rowspan=1 align=right>d<table><tr><td>inner</td></tr></table></td></tr></tbody>"
            + "<tfoot><tr><td>f</td></tr></tfoot></table>",
        "<ol reversed start=3 type=a><li value=2>x</li></ol>", "<ul type=disc><li>y</ul>", "<dl><dt>t<dd>d</dl>",
        "<custom-tag foo=bar>c</custom-tag>", "<blink>b</blink>", "<marquee>m</marquee>", "<font color=red face=x>f</font>",
        "<template><tr><td>t</td></tr></template>", "<noscript><p>n</p></noscript>", "<textarea>&lt;b&gt;</textarea>",
        "<xmp><b>x</b></xmp>", "<title>t</title>", "<meta http-equiv=refresh content=0>", "<link rel=stylesheet href=x>",
        "<base href=\"https://evil.test/\">", "<!-- comment --><!--[if IE]><p>ie</p><![endif]-->", "<![CDATA[cdata]]>",
        "<details open><summary>s</summary>d</details>", "<figure><img src=/a.png alt=f><figcaption>c</figcaption></figure>",
        "<pre><code class=language-rust>fn main() {}</code></pre>", "<hr noshade size=2>", "<br clear=all>", "<center>c</center>",
        "<del datetime=x cite=y>d</del><ins>i</ins><s>s</s><abbr title=t>a</abbr><kbd>k</kbd><mark>m</mark><var>v</var><samp>s</samp>",
        "<h1 id=h>h</h1><h2><h3>x</h3></h2>", "<p>a<p>b", "<b><i>x</b></i>", "text &amp; &lt;entities&gt; &nbsp; &#0; &#x1F600;",
        "<a href=\"https://x.test\"><a href=\"https://y.test\">nested</a></a>", "<img src=\"https://x.test/i.png\" alt=\"\" border=0 width=1 "
            + "height=1 title=t align=left>", "<IMG SRC=\"jav&#x0D;ascript:x\">", "<a href=\"&#x6A;&#x61;vascript:x\">e</a>",
        "<a href=\"\tjavascript:x\">t</a>", "<a href=\"javascript&colon;x\">c</a>", "<sub>1</sub><sup>2</sup><small>s</small><strike>s</strike>",
        "<u onmouseover=x>u</u>", "<div><div><div><span><em><strong>deep</strong></em></span></div></div></div>", "\n  \n");

    @Property(tries = 400)
    void cleans_hostile_html_as_jsoup_does(@ForAll("hostile") String html) {
        assertSameAsJsoup(Jsoup.parseBodyFragment(html));
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of(HOSTILE),
            Arbitraries.of(HOSTILE).list().ofMaxSize(3).map(l -> "<div>" + String.join("", l) + "</div>"),
            Arbitraries.of(HOSTILE).list().ofMaxSize(3).map(l -> "<table><tr><td>" + String.join("</td><td>", l) + "</td></tr></table>"));
        return piece.list().ofMaxSize(6).map(l -> String.join("", l));
    }

    @Test
    void cleans_each_hostile_piece_as_jsoup_does() {
        for (String html : HOSTILE) assertSameAsJsoup(Jsoup.parseBodyFragment(html));
        assertSameAsJsoup(Jsoup.parseBodyFragment(String.join("\n", HOSTILE)));
    }

    @Test
    void cleans_a_tree_built_by_hand_as_jsoup_does() {
        Document dirty = Jsoup.parseBodyFragment("");
        Element p = dirty.body().appendElement("p").attr("title", "").attr("id", "i");
        p.attributes().put("HREF", "x");
        p.appendChild(new CDataNode("<b>raw</b>")).appendChild(new DataNode("data in a p")).appendChild(new Comment("c"));
        p.appendElement("A").attr("href", "https://x.test").appendText("upper-case tag name");
        dirty.body().appendElement("script").appendChild(new DataNode("alert(1)"));
        dirty.body().appendChild(new DataNode("data in the body")).appendChild(new TextNode("text in the body"));
        p.attributes().put("reversed", null);
        assertSameAsJsoup(dirty);
    }

    @Test
    void a_document_or_element_with_a_base_uri_is_cleaned_as_jsoup_does() {
        assertSameAsJsoup(Jsoup.parseBodyFragment("<p><a href=/x>x</a><img src=y alt=y></p>", "https://site.test/dir/"));
        Document dirty = Jsoup.parseBodyFragment("<section><p><a href=/x>x</a></p></section><p>after</p>");
        dirty.selectFirst("section").setBaseUri("https://site.test/");
        assertSameAsJsoup(dirty);
        assertThat(OURS.clean(dirty).selectFirst("a").absUrl("href")).isEqualTo("https://site.test/x");
    }

    @Test
    void a_safelist_that_enforces_attributes_is_cleaned_as_jsoup_does() {
        Safelist enforcing = Safelist.basic();
        Document dirty = Jsoup.parseBodyFragment("<p><a href=\"https://x.test\" rel=me>x</a> <a href=\"javascript:x\">y</a></p>");
        assertThat(new BodyCleaner(enforcing).clean(dirty).body().html()).isEqualTo(new Cleaner(enforcing).clean(dirty).body().html());
    }

    /** URLs that share a tag and attribute and differ in scheme, case, spelling or form: a kept answer must not cross them. */
    private static final List<String> URLS = List.of("https://x.test/", "http://x.test/", "HTTPS://x.test/", "Http://x.test/", "https:",
        "http:x", "https:/x", "https//x.test", "httpsx://x.test", "http", "ftp://x.test", "mailto:a@b.test", "javascript:x",
        "JavaScript:x", "data:text/html,x", "vbscript:x", "//x.test/p", "/relative", "relative", "?q", "#f", "#", "", " https://x.test",
        "\thttps://x.test", "\u0001https://x.test", "ht\ntps://x.test", "&#104;ttps://x.test", "https&#58;//x.test", "&#x6A;avascript:x",
        "java\tscript:x", " javascript:x", "hTTp://x.test", "https :x");

    @Test
    void url_attributes_are_cleaned_as_jsoup_does_whatever_urls_came_before() {
        List<String> elements = new ArrayList<>();
        for (String url : URLS) {
            String v = url.replace("\\t", "\t").replace("\\n", "\n").replace("\\u0001", "\u0001").replace("\"", "&quot;");
            elements.add("<a href=\"" + v + "\">a</a>");
            elements.add("<img src=\"" + v + "\" alt=i>");
            elements.add("<blockquote cite=\"" + v + "\">b</blockquote>");
            elements.add("<q cite=\"" + v + "\">q</q>");
            elements.add("<A HREF=\"" + v + "\">u</A>");
        }
        for (int start = 0; start < elements.size(); start += 5) {
            // A new cleaner each time, so that each URL is the first of its tag and attribute once, and comes after every other.
            List<String> rotated = new ArrayList<>(elements.subList(start, elements.size()));
            rotated.addAll(elements.subList(0, start));
            Document dirty = Jsoup.parseBodyFragment(String.join("", rotated));
            Document expected = JSOUP.clean(dirty);
            Document actual = new BodyCleaner(HtmlBody.SAFELIST).clean(dirty);
            assertThat(shape(actual)).as(rotated.get(0)).isEqualTo(shape(expected));
            for (String one : rotated.subList(0, 5)) assertSameAsJsoup(Jsoup.parseBodyFragment(one));
        }
    }

    /** A key in capitals is read as the safelist reads it, in lower case: an "HREF" is checked on its value each time. */
    @Test
    void a_url_attribute_in_capitals_is_checked_on_every_value() {
        Document dirty = Jsoup.parseBodyFragment("<p>x</p>");
        for (String url : List.of("https://ok.example/", "javascript:alert(1)", "http://ok.example/", "data:text/html,x", "https://b.example/"))
            dirty.body().appendElement("a").text("u").attributes().put("HREF", url);  // put keeps the case; attr() would not
        Document expected = JSOUP.clean(dirty);
        assertThat(shape(new BodyCleaner(HtmlBody.SAFELIST).clean(dirty))).isEqualTo(shape(expected));
        assertThat(expected.body().html()).doesNotContain("javascript").doesNotContain("data:");
    }

    /** Its answers are kept by attribute name: that holds only where the safelist does not read the value. */
    @Test
    void only_the_url_attributes_are_checked_by_value() {
        List<String> tags = new ArrayList<>(List.of("a", "img", "blockquote", "q", "cite", "p", "div", "td", "th", "tr", "table", "ol",
            "span", "code", "pre", "h1", "del", "ins", "li", "col", "colgroup", "script", "iframe", "custom-tag", ":all"));
        List<String> keys = List.of("id", "class", "title", "lang", "dir", "align", "valign", "border", "cellpadding", "cellspacing",
            "reversed", "start", "type", "alt", "width", "height", "span", "colspan", "rowspan", "abbr", "scope", "summary", "style",
            "onclick", "rel", "target", "name", "value", "datetime", "data-x", "xmlns", "background", "action", "formaction", "poster");
        for (String tag : tags) for (String key : keys) {
            Element el = new Element(tag.equals(":all") ? "span" : tag);
            boolean first = HtmlBody.SAFELIST.isSafeAttribute(tag, el, new Attribute(key, ""));
            for (String value : List.of("https://x.test/", "javascript:x", "#x", "/r", "x"))
                assertThat(HtmlBody.SAFELIST.isSafeAttribute(tag, el, new Attribute(key, value))).as(tag + " " + key + "=" + value).isEqualTo(first);
        }
    }

    /** Every node with its kind, attributes in order, whole text or data, and base URI. */
    private static String shape(Node n) {
        StringBuilder b = new StringBuilder();
        shape(n, b, 0);
        return b.toString();
    }

    private static void shape(Node n, StringBuilder b, int depth) {
        b.append("  ".repeat(depth)).append(n.getClass().getSimpleName()).append(' ');
        if (n instanceof TextNode t) b.append(t.getWholeText().replace("\n", "\\n"));
        else if (n instanceof DataNode d) b.append(d.getWholeData().replace("\n", "\\n"));
        else if (n instanceof Element e) {
            b.append('<').append(e.tagName()).append(' ').append(e.normalName());
            for (Attribute a : e.attributes()) b.append(' ').append(a.getKey()).append("=\"").append(a.getValue()).append('"');
            b.append("> base ").append(e.baseUri());
        } else b.append(n.nodeName());
        b.append('\n');
        for (Node c : n.childNodes()) shape(c, b, depth + 1);
    }
}
