package org.mailroom.bounce;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailboxUrlTest {
    @Test
    void an_imap_url_gives_its_parts_with_a_percent_encoded_password() {
        MailboxUrl u = MailboxUrl.parse("imaps://bounce%40example.org:p%40ss%3Aword@mail.example.org:993/Bounces");
        assertThat(u).isEqualTo(new MailboxUrl("imaps", "mail.example.org", 993, "bounce@example.org", "p@ss:word", "Bounces"));
        assertThat(u.isImap()).isTrue();
    }

    @Test
    void a_pop3_url_always_reads_the_inbox() {
        MailboxUrl u = MailboxUrl.parse("pop3://u:p@host:110/");
        assertThat(u.folder()).isEqualTo("INBOX");
        assertThat(u.isImap()).isFalse();
    }

    @Test
    void the_password_never_shows_in_its_text_nor_in_errors() {
        assertThat(MailboxUrl.parse("imap://u:topsecret@host:143/INBOX").toString()).isEqualTo("imap://u:***@host:143/INBOX");
        assertThatThrownBy(() -> MailboxUrl.parse("ftp://u:topsecret@host/"))
            .hasMessageContaining("ftp://u:***@host/").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> MailboxUrl.parse("imap://host/INBOX")).hasMessageContaining("names no user");
    }
}
