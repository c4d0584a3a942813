package org.mailroom.subscriber;

import java.net.IDN;
import java.util.Locale;

/**
 * An address as SMTP needs it (RFC 5321): local part of at most 64 characters, domain of at most 255, the whole
 * at most 254; no spaces, line breaks or control characters; a domain with a dot. International domain names are
 * converted to ASCII (punycode), so what is stored is what the relay receives. {@link #parse} says which rule failed.
 *
 * @param value the address with its domain in lower-case ASCII
 */
public record EmailAddress(String value) {
    private static final String ATEXT = "!#$%&'*+-/=?^_`{|}~";

    /** The lower-cased address: one subscriber per key, so addresses compare case-insensitively. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }

    /** A valid address, or a {@link SubscriberException} whose message names the rule that failed. */
    public static EmailAddress parse(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) throw invalid(raw, "is empty");
        checkCharacters(s, raw);
        int at = s.lastIndexOf('@');
        if (at < 0) throw invalid(raw, "has no @");
        String local = s.substring(0, at);
        String domain = asciiDomain(s.substring(at + 1), raw);
        checkLocal(local, raw);
        String address = local + "@" + domain;
        if (address.length() > 254) throw invalid(raw, "is longer than 254 characters");
        return new EmailAddress(address);
    }

    private static void checkCharacters(String s, String raw) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') throw invalid(raw, "contains a line break (CR or LF)");
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) throw invalid(raw, "contains a space");
            if (Character.isISOControl(c)) throw invalid(raw, "contains a control character");
        }
    }

    private static void checkLocal(String local, String raw) {
        if (local.isEmpty()) throw invalid(raw, "has nothing before the @");
        if (local.length() > 64) throw invalid(raw, "has a local part (before the @) longer than 64 characters");
        if (local.startsWith(".") || local.endsWith(".") || local.contains(".."))
            throw invalid(raw, "has a dot at the start or end of the local part, or two dots in a row");
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || ATEXT.indexOf(c) >= 0);
            if (!ok) throw invalid(raw, "has a character not allowed before the @: '" + c + "'");
        }
    }

    private static String asciiDomain(String domain, String raw) {
        if (domain.isEmpty()) throw invalid(raw, "has no domain after the @");
        String ascii;
        try {
            // IDN conversion is slow; most domains are ASCII already and need only lower-casing.
            ascii = (isAscii(domain) ? domain : IDN.toASCII(domain, 0)).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(raw, "has a domain that is not a valid (international) domain name");
        }
        if (ascii.length() > 255) throw invalid(raw, "has a domain longer than 255 characters");
        if (!ascii.contains(".")) throw invalid(raw, "has a domain without a dot");
        for (String label : ascii.split("\\.", -1)) checkLabel(label, raw);
        return ascii;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return false;
        return true;
    }

    private static void checkLabel(String label, String raw) {
        if (label.isEmpty()) throw invalid(raw, "has an empty part in the domain (two dots, or a dot at the start or end)");
        if (label.length() > 63) throw invalid(raw, "has a domain part longer than 63 characters");
        if (label.startsWith("-") || label.endsWith("-")) throw invalid(raw, "has a domain part that starts or ends with '-'");
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-')))
                throw invalid(raw, "has a character not allowed in a domain: '" + c + "'");
        }
    }

    private static SubscriberException invalid(String raw, String rule) {
        return SubscriberException.invalidInput("email address '" + printable(raw) + "' " + rule);
    }

    /** The address as it may be shown in a message: control characters made visible, long input cut. */
    static String printable(String raw) {
        if (raw == null) return "";
        StringBuilder b = new StringBuilder();
        raw.codePoints().limit(80).forEach(cp -> {
            if (cp == '\r') b.append("\\r");
            else if (cp == '\n') b.append("\\n");
            else if (Character.isISOControl(cp)) b.append(String.format("\\u%04x", cp));
            else b.appendCodePoint(cp);
        });
        if (raw.length() > 80) b.append("...");
        return b.toString();
    }
}
