package org.mailroom.message;

import org.mailroom.issue.EmailContent;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A campaign's message, prepared once. Placeholder until the spliced implementation lands.
 */
public final class MessageTemplate {
    /** Length of every personal token spliced into a message. */
    public static final int TOKEN_LENGTH = 43;
    /** What the renderer writes where a reader's token goes; same length as a real token, base64url only. */
    public static final String TOKEN_PLACEHOLDER = "MRtok0000000000000000000000000000000000000Z";

    private MessageTemplate() {}

    public static MessageTemplate prepare(EmailContent content, MessageSettings settings) {
        throw new UnsupportedOperationException("not yet");
    }

    public byte[] personalize(Recipient recipient) {
        throw new UnsupportedOperationException("not yet");
    }

    public void writeTo(Recipient recipient, OutputStream out) throws IOException {
        out.write(personalize(recipient));
    }
}
