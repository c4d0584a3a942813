package org.mailroom.bounce;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.mailroom.subscriber.Tokens;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerpTest {
    private final Verp verp = Samples.verp();

    @Property(tries = 300)
    void every_envelope_sender_is_a_short_lower_case_address_that_parses_back(
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long subscriber, @ForAll @LongRange(min = 0, max = 1L << 40) long campaign) {
        String sender = verp.envelopeSender(subscriber, campaign).orElseThrow();
        String local = sender.substring(0, sender.indexOf('@'));
        assertThat(local).matches("bounces\\+[a-z2-7]+").hasSizeLessThanOrEqualTo(64);
        assertThat(verp.parse(sender)).contains(new Verp.Claim(subscriber, campaign));
    }

    @Test
    void a_relay_that_upper_cases_the_address_does_not_break_it() {
        String sender = verp.envelopeSender(1234, 42).orElseThrow();
        assertThat(verp.parse("<" + sender.toUpperCase(Locale.ROOT) + ">")).contains(new Verp.Claim(1234, 42));
    }

    @Test
    void a_changed_character_or_another_secret_is_rejected() {
        String sender = verp.envelopeSender(1234, 42).orElseThrow();
        int i = sender.indexOf('+') + 3;
        String forged = sender.substring(0, i) + (sender.charAt(i) == 'a' ? 'b' : 'a') + sender.substring(i + 1);
        assertThat(verp.parse(forged)).isEmpty();
        assertThat(Verp.of(Samples.VERP_PATTERN, "another-secret-of-sixteen+".getBytes()).parse(sender)).isEmpty();
        assertThat(verp.parse("bounces@example.org")).isEmpty();
    }

    @Test
    void a_verp_token_never_passes_as_an_unsubscribe_token() {
        String sender = verp.envelopeSender(6, 42).orElseThrow();
        String token = sender.substring(sender.indexOf('+') + 1, sender.indexOf('@'));
        assertThat(new Tokens(Samples.SECRET).verify(Tokens.Purpose.UNSUBSCRIBE, token)).isEmpty();
    }

    @Test
    void it_is_off_by_default_and_a_pattern_without_a_token_is_refused() {
        assertThat(Verp.of("", Samples.SECRET).envelopeSender(1, 1)).isEmpty();
        assertThat(Verp.of("", Samples.SECRET).enabled()).isFalse();
        assertThatThrownBy(() -> Verp.of("bounces@example.org", Samples.SECRET)).hasMessageContaining("bounce.verp");
        assertThatThrownBy(() -> Verp.of("bounces@{token}.example.org", Samples.SECRET)).hasMessageContaining("local part");
    }

    @Test
    void a_verp_address_is_found_in_a_mangled_text() {
        String sender = verp.envelopeSender(7, 42).orElseThrow();
        assertThat(verp.find("garbage ... for <" + sender + ">; Wed, 25 Nov")).contains(new Verp.Claim(7, 42));
    }
}
