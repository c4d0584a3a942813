package org.mailroom.issue.inline;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The CSS kept for the email's style block, capped in size: what would pass the cap is left out, with a warning. */
final class KeptStyles {
    private final StringBuilder css = new StringBuilder();
    private final int maxBytes;
    private final List<String> warnings;
    private int bytes;

    KeptStyles(int maxBytes, List<String> warnings) {
        this.maxBytes = maxBytes;
        this.warnings = warnings;
    }

    /** Appends {@code text}; {@code what} names it in the warning if it does not fit. */
    void add(String text, String what) {
        int size = text.getBytes(StandardCharsets.UTF_8).length + 1;
        if (bytes + size > maxBytes) {
            warnings.add("CSS: left out of the style block, which would exceed " + maxBytes + " bytes: " + what);
            return;
        }
        css.append(text).append('\n');
        bytes += size;
    }

    String css() {
        return css.toString();
    }
}
