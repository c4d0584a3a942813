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
        return MessageSettings.from(c);
    }

    /** The bare address of mail.from, used as the envelope sender. */
    public static String envelope(String from, Config c) {
        try {
            return new InternetAddress(from, true).getAddress();
        } catch (AddressException e) {
            throw new ConfigException(c.source("mail.from") + ": mail.from is not an address: " + e.getMessage());
        }
    }
}
