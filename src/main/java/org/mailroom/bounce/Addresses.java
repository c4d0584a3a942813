package org.mailroom.bounce;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Email addresses as reports write them: {@code rfc822; <a@b>}, {@code "Name" <a@b>}, bare. */
final class Addresses {
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");

    private Addresses() {}

    /** The address in a DSN recipient field ({@code rfc822; a@b}), or null when the field holds none. */
    static String fromField(String field) {
        if (field == null) return null;
        String v = field;
        int semi = v.indexOf(';');
        if (semi >= 0) {
            if (!v.substring(0, semi).trim().toLowerCase(Locale.ROOT).startsWith("rfc822")) return null;
            v = v.substring(semi + 1);
        }
        return first(v);
    }

    /** The first address-looking word in the text, or null. */
    static String first(String text) {
        if (text == null) return null;
        Matcher m = ADDRESS.matcher(text);
        return m.find() ? m.group() : null;
    }

    /** Whether the value is one plain address ({@code a@b.c}) and nothing else. */
    static boolean isPlain(String s) {
        return s != null && s.length() <= 320 && ADDRESS.matcher(s).matches() && s.substring(s.indexOf('@')).contains(".");
    }
}
