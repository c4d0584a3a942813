package org.mailroom.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The soak's fault trials, small: each loses nobody and duplicates nobody unmarked. kill -9 is CrashRecoveryIT. */
class FaultTrialsIT {
    @TempDir
    Path dir;

    @Test
    void a_relay_away_mid_campaign_delays_it_and_fails_nobody() throws Exception {
        check(OutageTrials.relayAway(dir, 600, Duration.ofSeconds(3), 300));
    }

    @Test
    void a_message_whose_answer_was_lost_is_sent_again_marked_as_a_possible_duplicate() throws Exception {
        Tally t = OutageTrials.lostAnswer(dir, 20);
        check(t);
        assertThat(t.marked()).isEqualTo(1);
    }

    @Test
    void refusals_end_as_sent_after_deferral_or_failed_with_the_reply() throws Exception {
        check(OutageTrials.refusals(dir, 1000));
    }

    @Test
    void a_database_that_refuses_writes_stops_sending_until_it_takes_them_again() throws Exception {
        check(DiskFullTrial.run(dir, 600, false, Duration.ofSeconds(2), 20));
    }

    @Test
    void a_restart_keeps_a_scheduled_and_a_paused_campaign_as_they_were() throws Exception {
        check(RestartTrials.scheduledAndPaused(dir, 300));
    }

    private static void check(Tally t) {
        System.out.println(t.row());
        assertThat(t.lost()).as("lost").isZero();
        assertThat(t.unmarked()).as("unmarked duplicates").isZero();
    }
}
