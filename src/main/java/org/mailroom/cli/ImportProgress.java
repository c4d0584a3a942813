package org.mailroom.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * The progress line of a long import on a terminal: rows read, rows per second and an estimate of the rows left
 * (from the bytes read so far). Rewritten in place with a carriage return, at most twice a second.
 */
final class ImportProgress {
    private final PrintStream out;
    private final long totalBytes;
    private final long startNanos = System.nanoTime();
    private long bytesRead;
    private long lastPrint;
    private boolean shown;

    ImportProgress(PrintStream out, long totalBytes) {
        this.out = out;
        this.totalBytes = totalBytes;
    }

    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) bytesRead++;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) bytesRead += n;
                return n;
            }
        };
    }

    void update(long rows) {
        long now = System.nanoTime();
        if (now - lastPrint < 500_000_000L) return;
        lastPrint = now;
        double seconds = Math.max(0.001, (now - startNanos) / 1e9);
        long left = bytesRead == 0 ? 0 : Math.max(0, (long) (rows * (double) (totalBytes - bytesRead) / bytesRead));
        out.printf("\r%,d rows, %,.0f rows/s, about %,d rows left   ", rows, rows / seconds, left);
        out.flush();
        shown = true;
    }

    /** Clears the line before something else is printed. */
    void clear() {
        if (!shown) return;
        out.print("\r" + " ".repeat(72) + "\r");
        out.flush();
        shown = false;
    }
}
