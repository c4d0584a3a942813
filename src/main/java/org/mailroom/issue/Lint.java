package org.mailroom.issue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects an issue's warnings and turns offsets in the body into lines of the file. */
final class Lint {
    private final String file;
    private final int bodyLine;
    private final String body;
    private final int[] lineStarts;
    private final List<Warning> warnings;

    Lint(Issue issue, List<Warning> warnings) {
        this.file = issue.file();
        this.bodyLine = issue.bodyLine();
        this.body = issue.body();
        this.warnings = warnings;
        int[] starts = new int[64];
        int n = 0;
        starts[n++] = 0;
        for (int i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) {
            if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
            starts[n++] = i + 1;
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    String file() {
        return file;
    }

    String body() {
        return body;
    }

    /** The line of the file holding this offset of the body. */
    int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, Math.max(0, offset));
        return bodyLine + (i >= 0 ? i : -i - 2);
    }

    /** The line where this text first occurs in the body, or 0; for raw HTML, which carries no positions. */
    int lineOfText(String text) {
        if (text == null || text.isEmpty()) return 0;
        int i = body.indexOf(text);
        return i < 0 ? 0 : lineOf(i);
    }

    void warn(int line, String message) {
        warnings.add(new Warning(file, line, message));
    }

    List<Warning> warnings() {
        return warnings;
    }

    static List<Warning> newList() {
        return new ArrayList<>();
    }
}
