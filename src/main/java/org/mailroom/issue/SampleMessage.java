package org.mailroom.issue;

import org.mailroom.config.Config;
import org.mailroom.message.MessageSettings;
import org.mailroom.message.MessageTemplate;
import org.mailroom.message.Recipient;

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

    /** The settings every campaign of this configuration uses ({@link MessageSettings#from}). */
    public static SampleMessage from(Config c) {
        MessageSettings settings = MessageSettings.from(c);
        return new SampleMessage(settings, settings.domain());
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
}
