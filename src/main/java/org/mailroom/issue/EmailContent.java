package org.mailroom.issue;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A rendered issue, the same for every reader: personal values (the unsubscribe token) are still the
 * placeholder {@link org.mailroom.message.MessageTemplate#TOKEN_PLACEHOLDER}, spliced in per reader.
 * A value, as a record would be; the source page alone may be written when first asked for, since only the
 * render command and a test send read it, and a campaign never does.
 */
public final class EmailContent {
    private final String subject;
    private final String html;
    private final String text;
    private final List<Warning> warnings;
    private Supplier<String> sourceWriter;
    private String sourceHtml;

    /**
     * @param subject    the Subject line
     * @param html       the email HTML with CSS inlined
     * @param sourceHtml the same HTML before inlining, with its stylesheet
     * @param text       the plain-text part
     * @param warnings   the editor's lint warnings
     */
    public EmailContent(String subject, String html, String sourceHtml, String text, List<Warning> warnings) {
        this(subject, html, (Supplier<String>) null, text, warnings);
        this.sourceHtml = sourceHtml;
    }

    /** With the source page written by {@code sourceWriter} when first asked for, once; it must not change meanwhile. */
    EmailContent(String subject, String html, Supplier<String> sourceWriter, String text, List<Warning> warnings) {
        this.subject = subject;
        this.html = html;
        this.sourceWriter = sourceWriter;
        this.text = text;
        this.warnings = List.copyOf(warnings);
    }

    public String subject() {
        return subject;
    }

    public String html() {
        return html;
    }

    /** The HTML before inlining, with its stylesheet. */
    public synchronized String sourceHtml() {
        if (sourceWriter != null) {
            sourceHtml = sourceWriter.get();
            sourceWriter = null;
        }
        return sourceHtml;
    }

    public String text() {
        return text;
    }

    public List<Warning> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmailContent c && Objects.equals(subject, c.subject) && Objects.equals(html, c.html)
            && Objects.equals(sourceHtml(), c.sourceHtml()) && Objects.equals(text, c.text) && warnings.equals(c.warnings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, html, sourceHtml(), text, warnings);
    }

    @Override
    public String toString() {
        return "EmailContent[subject=" + subject + ", html=" + html + ", sourceHtml=" + sourceHtml() + ", text=" + text
            + ", warnings=" + warnings + "]";
    }
}
