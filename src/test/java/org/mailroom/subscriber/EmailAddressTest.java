package org.mailroom.subscriber;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailAddressTest {
    @Test
    void a_plain_address_keeps_its_local_part_and_lower_cases_its_domain() {
        EmailAddress a = EmailAddress.parse("  Jo.Doe+news@Example.ORG ");
        assertThat(a.value()).isEqualTo("Jo.Doe+news@example.org");
        assertThat(a.key()).isEqualTo("jo.doe+news@example.org");
    }

    @Test
    void an_international_domain_is_converted_to_ascii() {
        assertThat(EmailAddress.parse("anna@bücher.example").value()).isEqualTo("anna@xn--bcher-kva.example");
    }

    @Test
    void each_broken_rule_is_named_in_the_message() {
        rejects("", "is empty");
        rejects("no-at.example.org", "has no @");
        rejects("@example.org", "nothing before the @");
        rejects("a@", "no domain");
        rejects("a@localhost", "domain without a dot");
        rejects("a b@example.org", "contains a space");
        rejects("a\r\nBcc: x@evil.org@example.org", "line break");
        rejects("a\u0000b@example.org", "control character");
        rejects("x".repeat(65) + "@example.org", "longer than 64");
        rejects("a@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + "." + "e".repeat(63) + ".org", "domain longer than 255");
        rejects("a".repeat(64) + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "." + "e".repeat(60) + ".org", "longer than 254");
        rejects("a..b@example.org", "two dots");
        rejects("a@exa_mple.org", "not allowed in a domain");
        rejects("a@-example.org", "starts or ends with '-'");
        rejects("a@example..org", "empty part");
        rejects("a(b)@example.org", "not allowed before the @");
        rejects("jörg@example.org", "not allowed before the @");
    }

    private static void rejects(String raw, String rule) {
        assertThatThrownBy(() -> EmailAddress.parse(raw)).isInstanceOf(SubscriberException.class)
            .hasMessageContaining(rule)
            .satisfies(e -> assertThat(((SubscriberException) e).kind()).isEqualTo(SubscriberException.Kind.INVALID_INPUT))
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n"));
    }
}
