package org.mailroom.issue;

/** A problem an editor should fix before sending (placeholder link, missing scheme, image without alt...). */
public record Warning(String file, int line, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
