package org.mailroom.issue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Mojibake as it was before it was made faster: the reference its behaviour (text, warnings, errors) must match. */
final class FormerMojibake {
    private static final Charset MAC_ROMAN = Charset.forName("x-MacRoman");

    private FormerMojibake() {}

    /** The text with repairable runs repaired; one warning per line that had any. */
    static String repair(String file, String text, List<Warning> warnings) {
        if (isAscii(text)) return text;
        StringBuilder out = null;  // made at the first repair: most texts with accents or dashes have none
        int copied = 0;
        int line = 1;
        int warnedLine = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c == '\n') line++;
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && text.charAt(end) >= 0x80) end++;
            String run = text.substring(i, end);
            String fixed = transcode(run);
            if (fixed != null) {
                if (out == null) out = new StringBuilder(text.length());
                out.append(text, copied, i).append(fixed);
                copied = end;
            }
            String message = fixed != null ? repairedMessage(text, i, end, run, fixed)
                : looksMisdecoded(run) ? "characters look mis-decoded but cannot be repaired: '" + run + "'" : null;
            if (message != null && warnedLine != line) {
                warnings.add(new Warning(file, line, message));
                warnedLine = line;
            }
            i = end;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) >= 0x80) return false;
        return true;
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
