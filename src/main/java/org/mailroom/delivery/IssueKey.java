package org.mailroom.delivery;

import org.mailroom.issue.Issue;
import org.mailroom.issue.IssueReader;

import java.util.ArrayList;

/**
 * Where a campaign lives in the public archive: the issue's {@code Number} header, or its file name without
 * extension (the same key the email's "read it on the web" link uses), and its {@code Date} header as written.
 */
record IssueKey(String number, String date) {
    static IssueKey of(String fileName, byte[] markdown) {
        Issue issue = new IssueReader(Long.MAX_VALUE).parse(fileName, markdown, new ArrayList<>());
        String number = issue.number() != null ? issue.number() : fileName.replaceFirst("\\.[^.]*$", "");
        return new IssueKey(clip(number), clip(issue.get("date")));
    }

    private static String clip(String s) {
        return s == null ? null : s.length() > 64 ? s.substring(0, 64) : s.strip();
    }
}
