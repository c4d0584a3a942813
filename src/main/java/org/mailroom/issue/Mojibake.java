package org.mailroom.issue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * UTF-8 text that was once decoded as Mac Roman ({@code Fjädra} became {@code Fj√§dra}). Every UTF-8
 * multi-byte sequence is made of bytes 0x80-0xFF, which Mac Roman maps to non-ASCII characters, so each
 * maximal run of non-ASCII characters is a candidate: encoded back to Mac Roman it must give valid UTF-8
 * (and decode back to the same run) to be repaired. Genuine accented text almost never passes: a lone
 * {@code é} is byte 0x8E, which is not valid UTF-8 on its own.
 */
final class Mojibake {
    private static final Charset MAC_ROMAN = Charset.forName("x-MacRoman");

    private Mojibake() {}

    /** The text with repairable runs repaired; one warning per line that had any. */
    static String repair(String file, String text, List<Warning> warnings) {
        List<String> pieces = null;  // made at the first repair: most texts with accents or dashes have none
        int copied = 0;
        // Lines are counted only up to a run that is warned about, not character by character.
        int line = 1;
        int counted = 0;
        int warnedLine = 0;
        int i = 0;
        while (true) {
            while (i < text.length() && text.charAt(i) < 0x80) i++;
            if (i == text.length()) break;
            int end = i;
            while (end < text.length() && text.charAt(end) >= 0x80) end++;
            String run = text.substring(i, end);
            String fixed = transcode(run);
            if (fixed != null) {
                if (pieces == null) pieces = new ArrayList<>();
                pieces.add(text.substring(copied, i));
                pieces.add(fixed);
                copied = end;
            }
            String message = fixed != null ? repairedMessage(text, i, end, run, fixed)
                : looksMisdecoded(run) ? "characters look mis-decoded but cannot be repaired: '" + run + "'" : null;
            if (message != null) {
                line += lineBreaks(text, counted, i);
                counted = i;
                if (warnedLine != line) {
                    warnings.add(new Warning(file, line, message));
                    warnedLine = line;
                }
            }
            i = end;
        }
        if (pieces == null) return text;
        // substrings and a join copy in bulk; a StringBuilder appended a UTF-16 text char by char
        pieces.add(text.substring(copied));
        return String.join("", pieces);
    }

    private static int lineBreaks(String text, int from, int to) {
        int n = 0;
        for (int at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) n++;
        return n;
    }

    private static String repairedMessage(String text, int start, int end, String run, String fixed) {
        String before = context(text, start, end);
        return "mis-decoded characters (UTF-8 read as Mac Roman): '" + before + "' repaired to '" + before.replace(run, fixed) + "'";
    }

    /** The UTF-8 reading of the run's Mac Roman bytes when it round-trips cleanly, else null. */
    static String transcode(String run) {
        if (run.length() < 2) return null;
        CharsetEncoder enc = MAC_ROMAN.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer bytes = enc.encode(java.nio.CharBuffer.wrap(run));
            byte[] b = new byte[bytes.remaining()];
            bytes.get(b);
            String utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            return new String(utf8.getBytes(StandardCharsets.UTF_8), MAC_ROMAN).equals(run) ? utf8 : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Characters Mac Roman produces from UTF-8 lead bytes of common letters and punctuation. */
    private static boolean looksMisdecoded(String run) {
        return run.contains("\u221A") || run.contains("\u201A\u00C4") || run.contains("\u00C3");
    }

    private static String context(String text, int start, int end) {
        int s = start;
        while (s > 0 && s > start - 20 && !Character.isWhitespace(text.charAt(s - 1))) s--;
        int e = end;
        while (e < text.length() && e < end + 20 && !Character.isWhitespace(text.charAt(e))) e++;
        return text.substring(s, e);
    }
}
