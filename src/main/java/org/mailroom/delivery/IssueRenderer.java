package org.mailroom.delivery;

import org.mailroom.issue.EmailContent;

/**
 * What delivery needs from the renderer: a Markdown issue turned into the email every reader gets, with
 * {@link org.mailroom.message.MessageTemplate#TOKEN_PLACEHOLDER} where the reader's unsubscribe token goes.
 */
@FunctionalInterface
public interface IssueRenderer {
    EmailContent render(String fileName, byte[] markdown);
}
