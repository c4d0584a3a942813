package org.mailroom.bounce;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCodesTest {
    @Test
    void unknown_mailboxes_and_domains_are_hard_and_what_can_recover_is_soft() {
        assertThat(StatusCodes.judge("5.1.1")).isEqualTo(BounceType.HARD);
        assertThat(StatusCodes.judge("5.1.10")).isEqualTo(BounceType.HARD);
        assertThat(StatusCodes.judge("5.0.0")).isEqualTo(BounceType.HARD);
        assertThat(StatusCodes.judge("4.4.1")).isEqualTo(BounceType.SOFT);
        assertThat(StatusCodes.judge("5.2.2")).as("mailbox full").isEqualTo(BounceType.SOFT);
        assertThat(StatusCodes.judge("5.7.1")).as("blocked by policy: our reputation, not the address").isEqualTo(BounceType.SOFT);
        assertThat(StatusCodes.judge(null)).isEqualTo(BounceType.SOFT);
    }

    @Test
    void codes_are_found_in_text_but_not_inside_ip_addresses() {
        assertThat(StatusCodes.find("host 10.5.1.1 said: 550 5.1.1 unknown")).isEqualTo("5.1.1");
        assertThat(StatusCodes.find("Remote host said: 552 mailbox full")).isEqualTo("5.0.0");
        assertThat(StatusCodes.find("connect to 192.0.2.4 timed out")).isNull();
        assertThat(StatusCodes.clean("5.1.1 (bad destination mailbox address)")).isEqualTo("5.1.1");
    }
}
