package org.mailroom.subscriber;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {
    private final Tokens tokens = new Tokens("a secret of at least sixteen bytes".getBytes(StandardCharsets.UTF_8));

    @Test
    void a_token_is_43_url_safe_characters_and_says_who_and_which_campaign() {
        String t = tokens.create(Tokens.Purpose.UNSUBSCRIBE, 42, 7);
        assertThat(t).hasSize(Tokens.LENGTH).matches("[A-Za-z0-9_-]+");
        assertThat(tokens.verify(Tokens.Purpose.UNSUBSCRIBE, t)).contains(new Tokens.Claim(42, 7));
    }

    @Test
    void every_one_character_change_is_rejected() {
        String t = tokens.create(Tokens.Purpose.CONFIRM, 42, 0);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < t.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                if (c == t.charAt(i)) continue;
                String forged = t.substring(0, i) + c + t.substring(i + 1);
                assertThat(tokens.verify(Tokens.Purpose.CONFIRM, forged)).as(forged).isEmpty();
            }
        }
    }

    @Test
    void truncated_extended_and_garbage_tokens_are_rejected() {
        String t = tokens.create(Tokens.Purpose.CONFIRM, 42, 0);
        assertThat(tokens.verify(Tokens.Purpose.CONFIRM, t.substring(0, 42))).isEmpty();
        assertThat(tokens.verify(Tokens.Purpose.CONFIRM, t + "A")).isEmpty();
        assertThat(tokens.verify(Tokens.Purpose.CONFIRM, "")).isEmpty();
        assertThat(tokens.verify(Tokens.Purpose.CONFIRM, null)).isEmpty();
        assertThat(tokens.verify(Tokens.Purpose.CONFIRM, "%".repeat(43))).isEmpty();
    }

    @Test
    void a_confirm_token_does_not_unsubscribe_and_the_other_way_round() {
        String confirm = tokens.create(Tokens.Purpose.CONFIRM, 42, 0);
        String unsubscribe = tokens.create(Tokens.Purpose.UNSUBSCRIBE, 42, 0);
        assertThat(tokens.verify(Tokens.Purpose.UNSUBSCRIBE, confirm)).isEmpty();
        assertThat(tokens.verify(Tokens.Purpose.CONFIRM, unsubscribe)).isEmpty();
    }

    @Test
    void a_token_signed_with_another_secret_is_rejected() {
        Tokens other = new Tokens("another secret, also long enough".getBytes(StandardCharsets.UTF_8));
        assertThat(tokens.verify(Tokens.Purpose.CONFIRM, other.create(Tokens.Purpose.CONFIRM, 42, 0))).isEmpty();
    }
}
