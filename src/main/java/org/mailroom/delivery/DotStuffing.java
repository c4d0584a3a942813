package org.mailroom.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * SMTP transparency (RFC 5321, 4.5.2): a line of the message that starts with a period gets one more, so that the
 * server does not read it as the end of data. Every message of a campaign goes through here, tens of kilobytes
 * each, so the search for "\n." reads eight bytes at a time (a profile of a send had a byte-by-byte loop here as
 * the single hottest frame, 30% of the samples).
 */
final class DotStuffing {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long PERIODS = 0x2E2E2E2E2E2E2E2EL;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    private DotStuffing() {}

    /** Writes the message with every line-leading period doubled; the caller ends the data. */
    static void write(byte[] m, OutputStream out) throws IOException {
        int n = m.length;
        int start = 0;
        if (n > 0 && m[0] == '.') out.write('.');
        int i = 0;
        for (; i + 9 <= n; i += 8) {
            // bit 7 of byte k set where m[i + k] is '\n' and m[i + k + 1] is '.'
            long hits = zeroBytes((long) LONGS.get(m, i) ^ NEWLINES) & zeroBytes((long) LONGS.get(m, i + 1) ^ PERIODS);
            while (hits != 0) {
                int period = i + 1 + (Long.numberOfTrailingZeros(hits) >>> 3);
                start = stuff(m, start, period, out);
                hits &= hits - 1;
            }
        }
        for (; i + 1 < n; i++) {
            if (m[i] == '\n' && m[i + 1] == '.') start = stuff(m, start, i + 1, out);
        }
        out.write(m, start, n - start);
    }

    private static int stuff(byte[] m, int start, int period, OutputStream out) throws IOException {
        out.write(m, start, period - start);
        out.write('.');
        return period; // the line's own period goes out with the next run
    }

    /** 0x80 in each byte of v that is zero, 0 elsewhere (exact: no borrow between bytes). */
    private static long zeroBytes(long v) {
        long t = (v & LOW7) + LOW7;
        return ~(t | v | LOW7);
    }
}
