package org.mailroom.subscriber;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.MailroomException;
import org.mailroom.config.Config;
import org.mailroom.db.Database;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImporterTest {
    @TempDir
    Path dir;
    Database db;
    SubscriberStore store;
    Importer importer;
    final List<Importer.Rejected> rejected = new ArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(Config.of(Map.of("db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath())));
        store = new SubscriberStore(db);
        importer = new Importer(store, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void bom_crlf_quoted_fields_and_case_insensitive_headers_are_read_and_duplicates_merged() throws IOException {
        Importer.Result r = importResource("good.csv");
        assertThat(r).isEqualTo(new Importer.Result(5, 5, 4, 0));
        assertThat(rejected).isEmpty();
        assertThat(subscriber("ann@example.org").name()).isEqualTo("Ann Smith");
        assertThat(subscriber("ann@example.org").status()).isEqualTo(Status.CONFIRMED);
        assertThat(subscriber("bob@example.org").name()).isEqualTo("Bob \"the builder\" Jones");
        assertThat(subscriber("bob@example.org").status()).isEqualTo(Status.PENDING);
        assertThat(subscriber("carl@example.org").status()).isEqualTo(Status.UNSUBSCRIBED);
        assertThat(subscriber("carl@example.org").leftSource()).isEqualTo("import");
        assertThat(subscriber("dora@example.org").status()).as("no status: an import moves a list of confirmed readers").isEqualTo(Status.CONFIRMED);
        assertThat(subscriber("dora@example.org").subscribedSource()).isEqualTo("import");
    }

    @Test
    void every_bad_row_is_reported_with_its_line_and_reason_and_the_rest_is_imported() throws IOException {
        Importer.Result r = importResource("bad-rows.csv");
        assertThat(rejected).extracting(Importer.Rejected::line).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 11L, 12L);
        assertThat(rejected).extracting(Importer.Rejected::reason).satisfiesExactly(
            m -> assertThat(m).contains("not-an-address", "has no @"),
            m -> assertThat(m).contains("missing column"),
            m -> assertThat(m).contains("invalid status 'maybe'"),
            m -> assertThat(m).contains("not valid UTF-8"),
            m -> assertThat(m).contains("longer than 10000 characters"),
            m -> assertThat(m).contains("NUL"),
            m -> assertThat(m).contains("name contains a line break"),
            m -> assertThat(m).contains("contains a space"),
            m -> assertThat(m).contains("too many fields"));
        assertThat(r.accepted()).isEqualTo(2);
        assertThat(r.rejected()).isEqualTo(9);
        assertThat(store.countByStatus().get(Status.CONFIRMED)).isEqualTo(2);
        assertThat(store.findByEmail(EmailAddress.parse("ok7@example.org"))).isEmpty();
    }

    @Test
    void an_import_never_reactivates_someone_who_left_but_updates_names() {
        run("email,status\nleft@example.org,unsubscribed\nbounced@example.org,bounced\n");
        run("email,name,status\nleft@example.org,New Name,confirmed\nBOUNCED@example.org,,pending\n");
        assertThat(subscriber("left@example.org").status()).isEqualTo(Status.UNSUBSCRIBED);
        assertThat(subscriber("left@example.org").name()).isEqualTo("New Name");
        assertThat(subscriber("bounced@example.org").status()).isEqualTo(Status.BOUNCED);
    }

    @Test
    void duplicates_in_one_file_keep_the_first_departure_and_the_last_name() {
        run("email,name,status\nx@example.org,First,unsubscribed\nX@EXAMPLE.org,Second,confirmed\n");
        assertThat(subscriber("x@example.org").status()).isEqualTo(Status.UNSUBSCRIBED);
        assertThat(subscriber("x@example.org").name()).isEqualTo("Second");
        assertThat(store.countByStatus().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
    }

    @Test
    void a_status_column_can_confirm_a_pending_subscriber() {
        run("email,status\np@example.org,pending\n");
        run("email,status\np@example.org,confirmed\n");
        assertThat(subscriber("p@example.org").status()).isEqualTo(Status.CONFIRMED);
        assertThat(subscriber("p@example.org").confirmedAt()).isNotNull();
    }

    @Test
    void a_file_without_an_email_column_or_empty_is_refused_whole() {
        assertThatThrownBy(() -> run("mail,name\na@example.org,A\n")).isInstanceOf(SubscriberException.class)
            .hasMessageContaining("line 1").hasMessageContaining("no 'email' column");
        assertThatThrownBy(() -> run("")).isInstanceOf(SubscriberException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> run("email,Email\n")).hasMessageContaining("twice");
    }

    @Test
    void nothing_is_half_imported_when_reading_fails_midway() {
        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 0; i < 5000; i++) csv.append("r").append(i).append("@example.org\n");
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
            new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("disk went away");
                }
            });
        assertThatThrownBy(() -> importer.importCsv(failing, "t.csv", rejected::add)).isInstanceOf(MailroomException.class)
            .hasMessage("t.csv: cannot read: disk went away (nothing was imported)");
        assertThat(store.countByStatus().values()).containsOnly(0L);
    }

    @Test
    void an_export_imports_back_into_an_empty_list_unchanged() throws IOException {
        importResource("good.csv");
        run("email,name\nweird@example.org,\"commas, \"\"quotes\"\" and <b>tags</b>\"\n");
        String exported = export();
        assertThat(exported).startsWith("email,name,status,created_at");
        db.close();
        db = Database.open(Config.of(Map.of("db.url", "jdbc:h2:file:" + dir.resolve("db2").toAbsolutePath())));
        store = new SubscriberStore(db);
        importer = new Importer(store, Clock.systemUTC());
        Importer.Result r = run(exported);
        assertThat(r.rejected()).isZero();
        assertThat(r.added()).isEqualTo(5);
        assertThat(subscriber("weird@example.org").name()).isEqualTo("commas, \"quotes\" and <b>tags</b>");
        assertThat(export().replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "T"))
            .isEqualTo(exported.replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "T"));
    }

    @Test
    void count_has_every_status() {
        run("email,status\na@example.org,confirmed\nb@example.org,pending\nc@example.org,complained\n");
        assertThat(store.countByStatus()).containsExactlyInAnyOrderEntriesOf(Map.of(Status.PENDING, 1L, Status.CONFIRMED, 1L,
            Status.UNSUBSCRIBED, 0L, Status.BOUNCED, 0L, Status.COMPLAINED, 1L));
    }

    private Importer.Result importResource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/subscriber/" + name)) {
            return importer.importCsv(in, name, rejected::add);
        }
    }

    private Importer.Result run(String csv) {
        return importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv", rejected::add);
    }

    private String export() throws IOException {
        StringWriter w = new StringWriter();
        new Exporter(store).write(w);
        return w.toString();
    }

    private Subscriber subscriber(String email) {
        return store.findByEmail(EmailAddress.parse(email)).orElseThrow();
    }
}
