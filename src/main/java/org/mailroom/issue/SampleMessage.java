package org.mailroom.issue;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.mailroom.config.Config;
import org.mailroom.message.MessageSettings;
import org.mailroom.message.MessageTemplate;
import org.mailroom.message.Recipient;

import java.util.Locale;
import java.util.UUID;

/**
 * The MIME message a sample reader would get, for {@code render}'s {@code email.eml}: the same
 * {@link MessageTemplate} path as a campaign, with settings from the configuration.
 */
public final class SampleMessage {
    /** A token of the real length and alphabet, so the sample message has the real line lengths. */
    public static final String SAMPLE_TOKEN = "SampleReaderToken-0123456789_abcdefghijklmn";
    private final MessageSettings settings;
    private final String domain;

    public SampleMessage(MessageSettings settings, String domain) {
        this.settings = settings;
        this.domain = domain;
    }

    /** Settings from mail.from, mail.reply-to, list.id (default: newsletter name at mail.from's domain) and base.url. */
    public static SampleMessage from(Config c) {
        String from = c.string("mail.from");
        String domain;
        try {
            String address = new InternetAddress(from, true).getAddress();
            domain = address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw new org.mailroom.config.ConfigException("mail.from '" + from + "' is not an address: " + e.getMessage());
        }
        String listId = c.isSet("list.id") ? c.string("list.id") : slug(c.string("newsletter.name")) + "." + domain;
        String replyTo = c.isSet("mail.reply-to") ? c.string("mail.reply-to") : null;
        return new SampleMessage(new MessageSettings(from, replyTo, listId, c.url("base.url"), "unsubscribe@" + domain), domain);
    }

    /** The settings every message of this configuration shares (also what a campaign needs). */
    public MessageSettings settings() {
        return settings;
    }

    public byte[] eml(EmailContent content) {
        String messageId = UUID.randomUUID() + "@" + domain;
        return MessageTemplate.prepare(content, settings)
            .personalize(new Recipient("reader@example.org", "Sample Reader", SAMPLE_TOKEN, messageId));
    }

    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "newsletter" : s;
    }
}
