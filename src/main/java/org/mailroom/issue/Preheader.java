package org.mailroom.issue;

import org.jsoup.nodes.Element;

/**
 * The line inbox lists show after the subject: the header's {@code Summary:} when the editor wrote one,
 * else the start of the first paragraph, cut at a word near 140 characters.
 */
final class Preheader {
    static final int MAX = 140;

    private Preheader() {}

    static String of(Issue issue, Element body) {
        String summary = issue.get("summary");
        String text = summary != null && !summary.isBlank() ? summary.strip() : firstParagraph(body);
        if (text.length() <= MAX) return text;
        int cut = text.lastIndexOf(' ', MAX - 1);
        return text.substring(0, cut > 40 ? cut : MAX - 1) + "\u2026";
    }

    private static String firstParagraph(Element body) {
        for (Element p : body.getElementsByTag("p")) {
            String t = p.text().strip();
            if (!t.isEmpty()) return t;
        }
        return "";
    }
}
