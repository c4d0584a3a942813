package org.mailroom.message;

import java.net.URI;

/**
 * What every message of a campaign shares beyond its content.
 *
 * @param from        the From header value, e.g. {@code This Week in Rust <newsletter@example.org>}
 * @param replyTo     the Reply-To value or null
 * @param listId      the List-Id value, e.g. {@code weekly.example.org}
 * @param baseUrl     the public URL of serve; the unsubscribe URL is {@code baseUrl/unsubscribe/TOKEN}
 * @param unsubscribeMailto the mailto address for List-Unsubscribe, or null
 */
public record MessageSettings(String from, String replyTo, String listId, URI baseUrl, String unsubscribeMailto) {
    /**
     * From mail.from, mail.reply-to, list.id (default: the newsletter's name at mail.from's domain, e.g.
     * {@code mailroom-weekly.example.org}) and base.url; a List-Unsubscribe mailto only with mail.unsubscribe-mailto,
     * and then only when bounce.mailbox is read too: an address nobody reads would be an unsubscribe that does nothing.
     */
    public static MessageSettings from(org.mailroom.config.Config c) {
        String from = c.string("mail.from");
        String domain = domainOf(from, c);
        String listId = c.isSet("list.id") ? c.string("list.id") : slug(c.string("newsletter.name")) + "." + domain;
        String replyTo = c.isSet("mail.reply-to") ? c.string("mail.reply-to") : null;
        String mailto = c.isSet("mail.unsubscribe-mailto") ? c.string("mail.unsubscribe-mailto").strip() : null;
        if (mailto != null && !c.isSet("bounce.mailbox"))
            throw new org.mailroom.config.ConfigException(c.source("mail.unsubscribe-mailto") + ": mail.unsubscribe-mailto is set but bounce.mailbox is empty: "
                + "nothing would read the unsubscribe requests sent to " + mailto);
        return new MessageSettings(from, replyTo, listId, c.url("base.url"), mailto);
    }

    /** The lower-cased domain of the From address: Message-IDs and the List-Id are made under it. */
    public String domain() {
        return domainOf(from, null);
    }

    private static String domainOf(String from, org.mailroom.config.Config c) {
        try {
            String address = new jakarta.mail.internet.InternetAddress(from, true).getAddress();
            return address.substring(address.indexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
        } catch (jakarta.mail.internet.AddressException e) {
            String where = c == null ? "mail.from" : c.source("mail.from") + ": mail.from";
            throw new org.mailroom.config.ConfigException(where + " '" + from + "' is not an address: " + e.getMessage());
        }
    }

    static String slug(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "newsletter" : s;
    }
}
