package org.mailroom.bounce;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RFC 3463 enhanced status codes and SMTP reply codes: found in text, and judged hard or soft. */
final class StatusCodes {
    private static final Pattern ENHANCED = Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");
    private static final Pattern SMTP = Pattern.compile("(?<![\\d.])([45])\\d\\d(?=[ -])");

    private StatusCodes() {}

    /** The first enhanced status code in the text ({@code 5.1.1}), else one made from an SMTP reply code ({@code 550 -> 5.0.0}), else null. */
    static String find(String text) {
        if (text == null) return null;
        Matcher m = ENHANCED.matcher(text);
        if (m.find()) return m.group();
        Matcher s = SMTP.matcher(text);
        if (s.find()) return s.group(1) + ".0.0";
        return null;
    }

    /**
     * Hard for permanent failures of the address; soft for everything an address can recover from.
     * Some 5.x.x codes are soft on purpose, as the big senders (SES, Mailchimp) treat them: x.2.2 mailbox
     * full and x.3.4 message too big are the recipient's or our message's trouble for now, and x.7.x
     * (policy, spam blocks, blocklists) is about our reputation: marking a whole provider's readers
     * bounced because our IP was blocked for a day would empty the list.
     */
    static BounceType judge(String status) {
        if (status == null || status.length() < 5) return BounceType.SOFT;
        if (status.charAt(0) != '5') return BounceType.SOFT;
        String[] parts = status.split("\\.");
        if (parts.length != 3) return BounceType.SOFT;
        String detail = parts[1] + "." + parts[2];
        if (detail.equals("2.2") || detail.equals("3.4") || parts[1].equals("7")) return BounceType.SOFT;
        return BounceType.HARD;
    }

    /** A status code from a DSN {@code Status} field ("5.1.1 (bad mailbox)" -> "5.1.1"), or null when it holds none. */
    static String clean(String field) {
        if (field == null) return null;
        Matcher m = ENHANCED.matcher(field.trim());
        return m.lookingAt() ? m.group() : null;
    }

    /** The first line of the text holding a status or reply code, as the reason an operator reads; null when none. */
    static String lineWithCode(String text) {
        for (String line : text.split("\\r?\\n")) if (find(line) != null) return line;
        return null;
    }
}
