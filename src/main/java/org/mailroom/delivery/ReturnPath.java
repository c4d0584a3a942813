package org.mailroom.delivery;

import org.mailroom.config.Config;

/**
 * The envelope sender (MAIL FROM) of delivery's messages, which is where relays send bounces: the bare address
 * of {@code mail.from}.
 */
public final class ReturnPath {
    private final String plain;

    ReturnPath(String plain) {
        this.plain = plain;
    }

    static ReturnPath from(Config config) {
        return new ReturnPath(MailSettings.envelope(config.string("mail.from"), config));
    }

    /** The envelope of one reader's copy of a campaign. */
    Envelope of(Claimed row) {
        return new Envelope(plain, row.email());
    }

    /** The envelope of mail that is not to a subscriber (a test send). */
    Envelope plain(String recipient) {
        return new Envelope(plain, recipient);
    }
}
