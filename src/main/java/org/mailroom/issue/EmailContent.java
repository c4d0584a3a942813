package org.mailroom.issue;

import java.util.List;

/**
 * A rendered issue, the same for every reader: personal values (the unsubscribe token) are still the
 * placeholder {@link org.mailroom.message.MessageTemplate#TOKEN_PLACEHOLDER}, spliced in per reader.
 *
 * @param subject    the Subject line
 * @param html       the email HTML with CSS inlined
 * @param sourceHtml the same HTML before inlining, with its stylesheet
 * @param text       the plain-text part
 * @param warnings   the editor's lint warnings
 */
public record EmailContent(String subject, String html, String sourceHtml, String text, List<Warning> warnings) {
    public EmailContent {
        warnings = List.copyOf(warnings);
    }
}
