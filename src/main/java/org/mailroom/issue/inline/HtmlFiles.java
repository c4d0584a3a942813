package org.mailroom.issue.inline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes the HTML files of the {@code inline} command, turning every failure into one clear line. */
public final class HtmlFiles {
    /** Far above any email (Gmail clips at 102 KB), low enough to refuse a wrong file before parsing it. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private HtmlFiles() {
    }

    /** The file's text, which must be UTF-8 (a byte order mark is dropped). */
    public static String read(Path file) {
        if (Files.isDirectory(file)) throw new InlineException(file + ": is a directory, not an HTML file");
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) throw new InlineException(file + ": larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InlineException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InlineException(file + ": permission denied");
        } catch (IOException e) {
            throw new InlineException(file + ": cannot read: " + e.getMessage());
        }
        if (bytes.length == 0) throw new InlineException(file + ": empty file");
        String text = decode(file, bytes);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InlineException(file + ": not UTF-8 (invalid byte at offset " + in.position() + ", line "
                + lineAt(bytes, in.position()) + ")");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') line++;
        }
        return line;
    }

    public static void write(Path file, String html) {
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InlineException(file + ": cannot write: no such directory");
        } catch (AccessDeniedException e) {
            throw new InlineException(file + ": cannot write: permission denied");
        } catch (IOException e) {
            throw new InlineException(file + ": cannot write: " + e.getMessage());
        }
    }
}
