package org.mailroom.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.mailroom.config.Config;
import org.mailroom.config.ConfigException;
import org.mailroom.message.MessageSettings;

/** Builds what every message shares (From, Reply-To, List-Id, links) from the configuration. */
public final class MailSettings {
    private MailSettings() {}

    public static MessageSettings from(Config c) {
        String from = c.string("mail.from");
        envelope(from, c);
        String listId = c.isSet("list.id") ? c.string("list.id") : derivedListId(from);
        String replyTo = c.isSet("mail.reply-to") ? c.string("mail.reply-to") : null;
        return new MessageSettings(from, replyTo, listId, c.url("base.url"), null);
    }

    /** The bare address of mail.from, used as the envelope sender. */
    public static String envelope(String from, Config c) {
        try {
            return new InternetAddress(from, true).getAddress();
        } catch (AddressException e) {
            throw new ConfigException(c.source("mail.from") + ": mail.from is not an address: " + e.getMessage());
        }
    }

    static String domainOf(String from) {
        String a = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>', from.indexOf('<'))) : from.strip();
        return a.substring(a.indexOf('@') + 1);
    }

    /** newsletter@example.org becomes newsletter.example.org, a List-Id that is stable and unique to the sender. */
    static String derivedListId(String from) {
        String a = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>', from.indexOf('<'))) : from.strip();
        return a.replace('@', '.');
    }
}
