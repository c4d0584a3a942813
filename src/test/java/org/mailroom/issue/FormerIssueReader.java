package org.mailroom.issue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** IssueReader as it was before it was made faster: the reference its behaviour (text, warnings, errors) must match. */
final class FormerIssueReader {
    private final long maxBytes;

    public FormerIssueReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public Issue read(Path path, List<Warning> warnings) {
        String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        byte[] bytes = load(path, file);
        return parse(file, bytes, warnings);
    }

    /** Parses bytes already in memory (the editor's API posts them). */
    public Issue parse(String file, byte[] bytes, List<Warning> warnings) {
        if (bytes.length > maxBytes)
            throw new IssueException(file, 0, "larger than render.max-bytes (" + bytes.length + " bytes > " + maxBytes + ")");
        String text = normalize(decode(file, bytes));
        if (text.isBlank()) throw new IssueException(file, 0, "empty file: nothing to render");
        int nul = text.indexOf('\0');
        if (nul >= 0) throw new IssueException(file, lineAt(text, nul), "contains a NUL character: not a text file");
        text = stripControls(file, text, warnings);
        text = FormerMojibake.repair(file, text, warnings);
        Issue issue = HeaderParser.parse(file, text, warnings);
        FormerNestingGuard.check(file, issue.body(), issue.bodyLine());
        return issue;
    }

    /** Invisible control characters (a stray U+0002 inside a link) break Markdown syntax and mean nothing in email. */
    static String stripControls(String file, String text, List<Warning> warnings) {
        StringBuilder out = null;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') line++;
            boolean control = c < 0x20 && c != '\n' && c != '\t' || c == 0x7f;
            if (control && out == null) out = new StringBuilder(text.length()).append(text, 0, i);
            if (control) warnings.add(new Warning(file, line, String.format("control character U+%04X removed", (int) c)));
            else if (out != null) out.append(c);
        }
        return out == null ? text : out.toString();
    }

    private byte[] load(Path path, String file) {
        try {
            long size = Files.size(path);
            if (size > maxBytes)
                throw new IssueException(file, 0, "larger than render.max-bytes (" + size + " bytes > " + maxBytes + ")");
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new IssueException(path.toString(), 0, "no such file");
        } catch (IOException e) {
            throw new IssueException(path.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    /** Strict UTF-8: a bad byte is named by offset and line, never replaced silently. */
    static String decode(String file, byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) if (bytes[i] == '\n') line++;
            throw new IssueException(file, line, String.format("not UTF-8: byte 0x%02X at offset %d", bytes[offset] & 0xff, offset));
        }
        d.flush(out);
        out.flip();
        String s = out.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    static String normalize(String s) {
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

}
