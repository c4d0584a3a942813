package org.mailroom.subscriber;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180) one record at a time, so memory does not grow with the file: quoted fields with commas,
 * doubled quotes and line breaks inside, CRLF or LF line ends, a leading byte-order mark skipped. A record that
 * breaks a rule (a field too long, a quote misplaced, too many fields) is still read to its end, so reading goes on
 * with the next one, and carries the problem instead of its fields.
 */
final class CsvReader {
    static final int MAX_FIELDS = 1000;
    private static final int EOF = -1;

    private final Reader in;
    private final int maxFieldLength;
    private final char[] buf = new char[64 * 1024];
    private int pos;
    private int len;
    private long line = 1;
    private boolean started;

    /** One record: the physical line it starts on, its fields, and a problem (null when none). */
    record Record(long line, List<String> fields, String problem) {
        boolean isBlank() {
            return problem == null && fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    CsvReader(Reader in, int maxFieldLength) {
        this.in = in;
        this.maxFieldLength = maxFieldLength;
    }

    /** The next record, or null at the end of the input. */
    Record next() throws IOException {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') pos++;
        }
        if (peek() == EOF) return null;
        long startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        String problem = null;
        while (true) {
            boolean quoted = peek() == '"';
            String p = quoted ? quotedField(field) : plainField(field);
            if (problem == null) problem = p;
            if (fields.size() < MAX_FIELDS) fields.add(field.toString());
            else if (problem == null) problem = "more than " + MAX_FIELDS + " fields";
            field.setLength(0);
            int c = read();
            if (c == ',') continue;
            endOfLine(c);
            return new Record(startLine, fields, problem);
        }
    }

    /** Reads up to the next comma or line end, which it leaves unread. */
    private String plainField(StringBuilder field) throws IOException {
        while (true) {
            int c = peek();
            if (c == ',' || c == '\n' || c == '\r' || c == EOF) return tooLong(field);
            pos++;
            append(field, (char) c);
        }
    }

    /** Reads a quoted field including its closing quote; text between that quote and the next comma is a problem. */
    private String quotedField(StringBuilder field) throws IOException {
        pos++;
        while (true) {
            int c = read();
            if (c == EOF) return "a quoted field is not closed before the end of the file";
            if (c == '"') {
                if (peek() != '"') break;
                pos++;
            }
            if (c == '\n' || (c == '\r' && peek() != '\n')) line++;
            append(field, (char) c);
        }
        String problem = tooLong(field);
        int c = peek();
        if (c == ',' || c == '\n' || c == '\r' || c == EOF) return problem;
        plainField(new StringBuilder());
        return problem != null ? problem : "text after the closing quote of a field";
    }

    private void append(StringBuilder field, char c) {
        // Past the limit the rest is skipped, not kept: a huge field must not cost memory.
        if (field.length() <= maxFieldLength) field.append(c);
    }

    private String tooLong(StringBuilder field) {
        return field.length() > maxFieldLength ? "a field is longer than " + maxFieldLength + " characters" : null;
    }

    private void endOfLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') pos++;
        if (c != EOF) line++;
    }

    private int peek() throws IOException {
        if (pos < len) return buf[pos];
        len = in.read(buf, 0, buf.length);
        pos = 0;
        return len <= 0 ? EOF : buf[0];
    }

    private int read() throws IOException {
        int c = peek();
        if (c != EOF) pos++;
        return c;
    }
}
