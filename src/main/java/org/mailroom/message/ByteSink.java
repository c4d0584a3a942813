package org.mailroom.message;

import java.util.Arrays;

/**
 * A growable byte buffer that is reused: per reader, headers are written into one kept per thread, so
 * building them allocates nothing once it has grown to the largest header block seen.
 */
final class ByteSink {
    private static final byte[] BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] buf;
    int len;

    ByteSink(int capacity) {
        buf = new byte[capacity];
    }

    void reset() {
        len = 0;
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, len);
    }

    /** Makes room for {@code n} more bytes, for a caller that writes into {@link #buf} itself and moves {@link #len}. */
    void room(int n) {
        if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }

    ByteSink put(int b) {
        room(1);
        buf[len++] = (byte) b;
        return this;
    }

    ByteSink put(byte[] b) {
        return put(b, 0, b.length);
    }

    ByteSink put(byte[] b, int off, int n) {
        room(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /** Characters known to be ASCII (checked by the caller), one byte each; no String encoding allocated. */
    ByteSink ascii(CharSequence s) {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) buf[len++] = (byte) s.charAt(i);
        return this;
    }

    ByteSink crlf() {
        return put('\r').put('\n');
    }

    /** UTF-8 of one code point. */
    ByteSink codePoint(int cp) {
        room(4);
        if (cp < 0x80) {
            buf[len++] = (byte) cp;
        } else if (cp < 0x800) {
            buf[len++] = (byte) (0xC0 | cp >> 6);
            buf[len++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            buf[len++] = (byte) (0xE0 | cp >> 12);
            buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
            buf[len++] = (byte) (0x80 | cp & 0x3F);
        } else {
            buf[len++] = (byte) (0xF0 | cp >> 18);
            buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
            buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
            buf[len++] = (byte) (0x80 | cp & 0x3F);
        }
        return this;
    }

    /** Standard base64 (with padding) of {@code src[off, off+n)}. */
    ByteSink base64(byte[] src, int off, int n) {
        room((n + 2) / 3 * 4);
        int end = off + n;
        for (int i = off; i < end; i += 3) {
            int b0 = src[i] & 0xFF;
            int b1 = i + 1 < end ? src[i + 1] & 0xFF : 0;
            int b2 = i + 2 < end ? src[i + 2] & 0xFF : 0;
            buf[len++] = BASE64[b0 >> 2];
            buf[len++] = BASE64[(b0 & 3) << 4 | b1 >> 4];
            buf[len++] = i + 1 < end ? BASE64[(b1 & 0xF) << 2 | b2 >> 6] : (byte) '=';
            buf[len++] = i + 2 < end ? BASE64[b2 & 0x3F] : (byte) '=';
        }
        return this;
    }
}
