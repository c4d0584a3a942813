package org.mailroom.bounce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.config.Config;
import org.mailroom.testing.PostgresServer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounce feature's SQL on PostgreSQL: every sample report, twice, leaves the list as it does on H2. */
class BouncePostgresIT {
    static final List<String> REPORTS = List.of("gmail-dsn", "postfix-hard", "postfix-delayed", "exchange-ndr", "qmail",
        "mangled-verp", "arf-abuse", "out-of-office", "reader-reply");
    @RegisterExtension
    static final PostgresServer.PerClass pg = new PostgresServer.PerClass();

    @TempDir
    Path dir;

    @Test
    void every_sample_report_changes_the_list_on_postgresql_as_it_does_on_h2() throws Exception {
        Config h2 = Config.of(Map.of("db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()));
        Config postgres = Config.of(Map.of("db.url", pg.createDatabase("bounces"), "db.username", "postgres"));
        String onH2 = handleAll(h2);
        assertThat(onH2).contains("HARD", "complained", "UNRECOGNISED", "ALREADY_SEEN");
        assertThat(handleAll(postgres)).isEqualTo(onH2);
    }

    /** Each report handled twice (a mailbox read again), then the subscribers, the counts and the kept reports. */
    private static String handleAll(Config config) {
        StringBuilder out = new StringBuilder();
        try (BounceFixture f = new BounceFixture(config, true, BounceListener.NONE)) {
            for (String r : REPORTS) out.append(r).append(' ').append(f.handler.handle(Samples.bytes(r)))
                .append(' ').append(f.handler.handle(Samples.bytes(r))).append('\n');
            for (String[] s : BounceFixture.SUBSCRIBERS) {
                long id = Long.parseLong(s[0]);
                out.append(s[1]).append(' ').append(f.status(id)).append(' ').append(f.leftSource(id))
                    .append(' ').append(f.bounceCount(id)).append('\n');
            }
            out.append(f.store.countsByType()).append('\n').append(f.store.countsPerCampaign()).append('\n');
            f.store.recentUnrecognised(10).forEach(u -> out.append(u.sender()).append(' ').append(u.subject())
                .append(' ').append(u.size()).append(' ').append(f.store.unrecognisedRaw(u.id()).length).append('\n'));
        }
        return out.toString();
    }
}
