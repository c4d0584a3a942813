package org.mailroom.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrphanRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void a_stale_heartbeat_gives_back_another_nodes_rows_but_not_the_callers_own() {
        try (Fixture f = new Fixture(dir, 25, Map.of())) {
            f.subscribers(20);
            long id = campaignSendingToAll(f);
            // both heartbeats a minute old: 'me' could not write its heartbeat (the database refused writes)
            f.db.withConnection(c -> c.createStatement().executeUpdate(
                "INSERT INTO node (id, role, host, pid, started_at, heartbeat_at) VALUES "
                    + "('me', 'serve', 'h', 1, DATEADD('MINUTE', -1, CURRENT_TIMESTAMP), DATEADD('MINUTE', -1, CURRENT_TIMESTAMP)), "
                    + "('other', 'serve', 'h', 2, DATEADD('MINUTE', -1, CURRENT_TIMESTAMP), DATEADD('MINUTE', -1, CURRENT_TIMESTAMP))"));
            DeliveryStore store = new DeliveryStore(f.db, 1);
            List<Claimed> mine = store.claim(id, "me", 5, Duration.ofMinutes(5));
            List<Claimed> theirs = store.claim(id, "other", 5, Duration.ofMinutes(5));
            assertThat(mine).hasSize(5);
            assertThat(theirs).hasSize(5);

            int marked = store.recoverOrphans(id, "me", Instant.now().minus(Node.STALE), 2);

            assertThat(marked).as("the other node's first rows in flight, marked").isEqualTo(2);
            assertThat(f.queryLong("SELECT COUNT(*) FROM delivery WHERE claimed_by = 'other'")).as("other's rows given back").isZero();
            assertThat(f.queryLong("SELECT COUNT(*) FROM delivery WHERE state = 'sending' AND claimed_by = 'me'"))
                .as("the caller's own rows: its senders are alive and may be sending them").isEqualTo(5);
        }
    }

    @Test
    void the_callers_own_rows_come_back_when_their_lease_has_run_out() {
        try (Fixture f = new Fixture(dir, 25, Map.of())) {
            f.subscribers(10);
            long id = campaignSendingToAll(f);
            DeliveryStore store = new DeliveryStore(f.db, 1);
            assertThat(store.claim(id, "me", 4, Duration.ofMillis(1))).hasSize(4);
            f.db.withConnection(c -> c.createStatement().executeUpdate(
                "UPDATE delivery SET lease_until = DATEADD('MINUTE', -1, CURRENT_TIMESTAMP) WHERE claimed_by = 'me'"));

            int marked = store.recoverOrphans(id, "me", Instant.now().minus(Node.STALE), 16);

            assertThat(marked).isEqualTo(4);
            assertThat(f.queryLong("SELECT COUNT(*) FROM delivery WHERE state = 'queued' AND possible_duplicate")).isEqualTo(4);
        }
    }

    private static long campaignSendingToAll(Fixture f) {
        f.db.withConnection(c -> c.createStatement().executeUpdate(
            "INSERT INTO campaign (id, source_file, subject, html, text_body, status, created_at, scheduled_at) "
                + "VALUES (3, 'x.md', 'x', 'x', 'x', 'sending', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
        f.db.withConnection(c -> c.createStatement().executeUpdate(
            "INSERT INTO delivery (campaign_id, subscriber_id, state, attempts, next_attempt_at, possible_duplicate, updated_at) "
                + "SELECT 3, id, 'queued', 0, DATEADD('SECOND', -1, CURRENT_TIMESTAMP), FALSE, CURRENT_TIMESTAMP FROM subscriber"));
        return 3;
    }
}
