package org.mailroom.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.mailroom.message.MessageTemplate;

/**
 * The archive's copy of an email: the stored HTML with the one personal part, the footer's unsubscribe link
 * (a token placeholder in the stored HTML), replaced by an invitation to subscribe.
 */
final class WebCopy {
    private WebCopy() {}

    static String of(String emailHtml, String baseUrl) {
        Document doc = Jsoup.parse(emailHtml);
        for (Element a : doc.select("a[href*=" + MessageTemplate.TOKEN_PLACEHOLDER + "]")) {
            Element p = a.closest("p");
            Element target = p != null ? p : a;
            target.empty();
            target.appendElement("a").attr("href", baseUrl + "/subscribe").text("Subscribe");
            target.appendText(" to get each issue by email.");
        }
        // Any other trace of the placeholder (there should be none) must not reach a reader.
        return doc.outerHtml().replace(MessageTemplate.TOKEN_PLACEHOLDER, "");
    }
}
