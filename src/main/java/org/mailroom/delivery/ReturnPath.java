package org.mailroom.delivery;

import org.mailroom.config.Config;

import java.util.Optional;

/**
 * The envelope sender (MAIL FROM) of delivery's messages, which is where relays send bounces: the bare address of
 * {@code mail.from}, or with {@code bounce.verp} one address per reader and campaign (VERP), so that a bounce names
 * its subscriber even when the report is mangled. The bounce feature makes those addresses and reads them back;
 * delivery only asks, through {@link PerRecipient} (App passes {@code Verp::envelopeSender}).
 * A test send names no subscriber and goes out with the plain address.
 */
public final class ReturnPath {
    /** A reader's own envelope sender for a campaign; empty when VERP is off. */
    @FunctionalInterface
    public interface PerRecipient {
        PerRecipient OFF = (subscriberId, campaignId) -> Optional.empty();

        Optional<String> envelopeSender(long subscriberId, long campaignId);
    }

    private final String plain;
    private final PerRecipient perRecipient;

    ReturnPath(String plain, PerRecipient perRecipient) {
        this.plain = plain;
        this.perRecipient = perRecipient;
    }

    static ReturnPath from(Config config, PerRecipient perRecipient) {
        return new ReturnPath(MailSettings.envelope(config.string("mail.from"), config), perRecipient);
    }

    /** The envelope of one reader's copy of a campaign. */
    Envelope of(Claimed row) {
        return new Envelope(perRecipient.envelopeSender(row.subscriberId(), row.campaignId()).orElse(plain), row.email());
    }

    /** The envelope of mail that is not a subscriber's copy of a campaign (a test send). */
    Envelope plain(String recipient) {
        return new Envelope(plain, recipient);
    }
}
