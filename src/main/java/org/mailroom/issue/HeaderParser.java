package org.mailroom.issue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pelican's metadata header as Python-Markdown's meta extension reads it: {@code Key: value} lines from
 * the top, indented lines continuing the previous value, ending at the first blank line (or at the
 * first line that is not a header line, which then starts the body).
 */
final class HeaderParser {
    private static final Pattern KEY = Pattern.compile("^([A-Za-z][A-Za-z0-9_-]*)[ \\t]*:[ \\t]*(.*)$", Pattern.DOTALL);
    private static final Pattern DATE = Pattern.compile("^(\\d{4}-\\d{1,2}-\\d{1,2})(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?.*)?$");
    private static final DateTimeFormatter LENIENT_DAY = DateTimeFormatter.ofPattern("uuuu-M-d", Locale.ROOT);

    private HeaderParser() {}

    static Issue parse(String file, String text, List<Warning> warnings) {
        Map<String, String> header = new LinkedHashMap<>();
        int pos = 0;
        int line = 1;
        String last = null;
        int dateLine = 0;
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            if (end < 0) end = text.length();
            String l = text.substring(pos, end);
            if (l.isBlank()) { pos = Math.min(end + 1, text.length()); line++; break; }
            Matcher m = KEY.matcher(l);
            if (m.matches()) {
                last = m.group(1).toLowerCase(Locale.ROOT);
                header.put(last, m.group(2).strip());
                if (last.equals("date")) dateLine = line;
            } else if (last != null && (l.startsWith(" ") || l.startsWith("\t"))) {
                header.merge(last, l.strip(), (a, b) -> a + " " + b);
            } else {
                break;
            }
            pos = Math.min(end + 1, text.length());
            line++;
        }
        String title = header.get("title");
        if (title == null || title.isBlank())
            throw new IssueException(file, 1, "no title: the header needs a 'Title:' line before the first blank line");
        checkTitle(file, title);
        checkDate(file, dateLine, header.get("date"), warnings);
        return new Issue(file, header, title.strip(), text.substring(pos), line);
    }

    /** The title becomes the Subject header: line breaks and other control characters would inject headers. */
    private static void checkTitle(String file, String title) {
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029')
                throw new IssueException(file, 1, String.format("title contains control character U+%04X: refused (header injection)", (int) c));
        }
    }

    private static void checkDate(String file, int line, String date, List<Warning> warnings) {
        if (date == null) return;
        if (parseDate(date) == null) warnings.add(new Warning(file, line, "header Date '" + date + "' is not YYYY-MM-DD [HH:MM]"));
    }

    /** The day of a Pelican date with or without a time, or null when it is not one. */
    static LocalDate parseDate(String date) {
        if (date == null) return null;
        Matcher m = DATE.matcher(date.strip());
        if (!m.matches()) return null;
        try {
            return LocalDate.parse(m.group(1), LENIENT_DAY);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
