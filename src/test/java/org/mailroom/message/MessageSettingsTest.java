package org.mailroom.message;

import org.junit.jupiter.api.Test;
import org.mailroom.config.Config;
import org.mailroom.config.ConfigException;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The List-Unsubscribe mailto is offered only where something reads the mail sent to it. */
class MessageSettingsTest {
    private static Config config(String... pairs) {
        Map<String, String> m = new HashMap<>(Map.of("mail.from", "Weekly <newsletter@example.org>", "base.url", "https://news.example.org"));
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return Config.of(m);
    }

    private static String listUnsubscribe(MessageSettings s) {
        byte[] b = MessageTemplate.prepare(Mail.content("s", "t " + Mail.PH, "<p>" + Mail.PH), s).personalize(Mail.reader(1));
        String m = new String(b, java.nio.charset.StandardCharsets.US_ASCII);
        int at = m.indexOf("List-Unsubscribe:");
        return m.substring(at, m.indexOf("\r\nList-Unsubscribe-Post", at));
    }

    @Test
    void by_default_the_one_click_https_link_is_the_only_way_offered() {
        MessageSettings s = MessageSettings.from(config());
        assertThat(s.unsubscribeMailto()).isNull();
        assertThat(listUnsubscribe(s)).doesNotContain("mailto:").contains("<https://news.example.org/unsubscribe/");
    }

    @Test
    void a_mailto_is_offered_when_the_bounce_mailbox_reads_it() {
        MessageSettings s = MessageSettings.from(config("mail.unsubscribe-mailto", "unsubscribe@example.org", "bounce.mailbox", "imap://u:p@127.0.0.1:1143/INBOX"));
        assertThat(listUnsubscribe(s)).contains("<mailto:unsubscribe@example.org?subject=unsubscribe-" + Mail.reader(1).unsubscribeToken() + ">");
    }

    @Test
    void a_mailto_without_a_bounce_mailbox_is_refused_naming_both_settings() {
        assertThatThrownBy(() -> MessageSettings.from(config("mail.unsubscribe-mailto", "unsubscribe@example.org")))
            .isInstanceOf(ConfigException.class)
            .hasMessageContaining("mail.unsubscribe-mailto").hasMessageContaining("bounce.mailbox").hasMessageContaining("unsubscribe@example.org");
    }
}
