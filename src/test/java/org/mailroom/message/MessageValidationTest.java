package org.mailroom.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mailroom.message.Mail.*;

class MessageValidationTest {
    private static final MessageTemplate TEMPLATE = MessageTemplate.prepare(content("s", "t " + PH, "<p>" + PH), SETTINGS);
    private static final String TOKEN = reader(1).unsubscribeToken();

    @ParameterizedTest
    @ValueSource(strings = {"Hi\r\nBcc: victim@example.com", "Hi\nthere", "Hi\rthere"})
    void a_subject_with_cr_or_lf_is_refused(String subject) {
        assertThatThrownBy(() -> MessageTemplate.prepare(content(subject, "t", "h"), SETTINGS))
            .isInstanceOf(MessageException.class).hasMessageContaining("Subject");
    }

    @Test
    void a_reader_name_with_cr_or_lf_is_refused() {
        assertThatThrownBy(() -> TEMPLATE.personalize(new Recipient("a@example.com", "Eve\r\nBcc: x@y", TOKEN, "i@d")))
            .isInstanceOf(MessageException.class).hasMessageContaining("To");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@example.com\r\nBcc: x@y", "a@example.com\n", "a b@example.com", "a\t@example.com",
        "<a@example.com>", "no-at-sign", "@example.com", "a@", "a,b@example.com", "ü@example.com"})
    void a_malformed_email_is_refused(String email) {
        assertThatThrownBy(() -> TEMPLATE.personalize(new Recipient(email, null, TOKEN, "i@d")))
            .isInstanceOf(MessageException.class).hasMessageContaining("To");
    }

    @Test
    void a_list_id_from_or_reply_to_with_cr_or_lf_is_refused() {
        URI base = URI.create("https://x.example");
        assertThatThrownBy(() -> MessageTemplate.prepare(content("s", "t", "h"),
            new MessageSettings("a@example.org", null, "list\r\nBcc: x@y", base, null)))
            .isInstanceOf(MessageException.class).hasMessageContaining("List-Id");
        assertThatThrownBy(() -> MessageTemplate.prepare(content("s", "t", "h"),
            new MessageSettings("a@example.org\nBcc: x@y", null, null, base, null)))
            .isInstanceOf(MessageException.class).hasMessageContaining("From");
        assertThatThrownBy(() -> MessageTemplate.prepare(content("s", "t", "h"),
            new MessageSettings("a@example.org", "b@example.org\r\n", null, base, null)))
            .isInstanceOf(MessageException.class).hasMessageContaining("Reply-To");
        assertThatThrownBy(() -> MessageTemplate.prepare(content("s", "t", "h"),
            new MessageSettings("a@example.org", null, null, base, "u@example.org\r\nX: y")))
            .isInstanceOf(MessageException.class).hasMessageContaining("List-Unsubscribe");
    }

    @Test
    void a_message_id_with_cr_lf_space_or_brackets_is_refused() {
        for (String id : new String[] {"i@d\r\nBcc: x@y", "i d@x", "<i@d>", ""}) {
            assertThatThrownBy(() -> TEMPLATE.personalize(new Recipient("a@example.com", null, TOKEN, id)))
                .isInstanceOf(MessageException.class).hasMessageContaining("Message-ID");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQR", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP=",
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNO\r\n", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM/+P"})
    void a_token_not_43_base64url_characters_is_refused(String token) {
        assertThatThrownBy(() -> TEMPLATE.personalize(new Recipient("a@example.com", null, token, "i@d")))
            .isInstanceOf(MessageException.class).hasMessageContaining("token");
    }

    @Test
    void an_unsubscribe_url_that_would_make_a_line_over_998_octets_is_refused() {
        assertThatThrownBy(() -> MessageTemplate.prepare(content("s", "t", "h"), new MessageSettings("a@example.org", null, null,
            URI.create("https://x.example/" + "p".repeat(990)), "u@example.org")))
            .isInstanceOf(MessageException.class).hasMessageContaining("998");
    }

    @Test
    void a_from_that_is_not_one_address_is_refused() {
        assertThatThrownBy(() -> MessageTemplate.prepare(content("s", "t", "h"),
            new MessageSettings("not an address", null, null, URI.create("https://x.example"), null)))
            .isInstanceOf(MessageException.class).hasMessageContaining("From");
    }
}
