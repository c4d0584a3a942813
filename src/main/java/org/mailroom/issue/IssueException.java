package org.mailroom.issue;

import org.mailroom.MailroomException;

/**
 * An issue that cannot be rendered: empty, not UTF-8, no title, too large, nested too deep, or (with
 * {@code --strict}) a lint warning. The message names the file and, where known, the line:
 * {@code 578.md: not UTF-8: byte 0xff at offset 120 (line 4)}.
 */
public final class IssueException extends MailroomException {
    private final String file;
    private final int line;
    private final String what;

    public IssueException(String file, int line, String what) {
        super(file + ": " + what + (line > 0 ? " (line " + line + ")" : ""));
        this.file = file;
        this.line = line;
        this.what = what;
    }

    public String file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is the whole file. */
    public int line() {
        return line;
    }

    public String what() {
        return what;
    }
}
