package org.mailroom.issue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A rendered email is a value: its source page, written when first asked for, is the same as one given. */
class EmailContentTest {
    @Test
    void a_source_page_written_when_asked_for_is_written_once_and_compares_as_one_given() {
        AtomicInteger writes = new AtomicInteger();
        EmailContent lazy = new EmailContent("S", "<p>h</p>", () -> "<p>" + writes.incrementAndGet() + "</p>", "t", List.of());
        EmailContent given = new EmailContent("S", "<p>h</p>", "<p>1</p>", "t", List.of());
        assertThat(lazy.sourceHtml()).isEqualTo("<p>1</p>");
        assertThat(lazy.sourceHtml()).isEqualTo("<p>1</p>");
        assertThat(writes).hasValue(1);
        assertThat(lazy).isEqualTo(given).hasSameHashCodeAs(given);
        assertThat(lazy.toString()).isEqualTo(given.toString())
            .isEqualTo("EmailContent[subject=S, html=<p>h</p>, sourceHtml=<p>1</p>, text=t, warnings=[]]");
    }
}
