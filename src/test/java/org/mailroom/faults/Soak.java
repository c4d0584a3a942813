package org.mailroom.faults;

import org.mailroom.delivery.CrashRecoveryIT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The soak: every fault trial at full size, one after the other, then the table (a main class, not a test; run by
 * {@code bench/soak/run.sh [kill relay refusals lost-answer disk restart]}, all when none is named). A trial that
 * breaks a promise throws, and the soak says which and exits 1.
 */
public final class Soak {
    private Soak() {}

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("mailroom-soak");
        List<Tally> rows = new ArrayList<>();
        long start = System.nanoTime();
        List<String> only = List.of(args);
        try {
            if (only.isEmpty() || only.contains("kill")) {
                CrashRecoveryIT.Outcome k = CrashRecoveryIT.trial(root.resolve("kill"), 20_000, 20, 1000);
                rows.add(new Tally("kill -9 at random moments of one campaign", 20, k.recipients(), k.delivered(), 0,
                    k.markedDuplicates(), k.unmarkedDuplicates(), k.lost()));
                print(rows);
            }
            if (only.isEmpty() || only.contains("relay")) rows.add(OutageTrials.relayAway(root.resolve("relay"), 20_000, Duration.ofSeconds(60), 1000));
            if (only.isEmpty() || only.contains("refusals")) rows.add(OutageTrials.refusals(root.resolve("refusals"), 20_000));
            if (only.isEmpty() || only.contains("lost-answer")) rows.add(OutageTrials.lostAnswer(root.resolve("lost-answer"), 2_000));
            print(rows);
            if (only.isEmpty() || only.contains("disk")) rows.add(DiskFullTrial.run(root.resolve("disk"), 5_000, true, Duration.ofSeconds(10), 60));
            if (only.isEmpty() || only.contains("restart")) rows.add(RestartTrials.scheduledAndPaused(root.resolve("restart"), 2_000));
        } catch (Throwable e) {
            print(rows);
            System.out.println("SOAK FAILED: " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
        print(rows);
        System.out.printf("soak passed in %d s%n", Duration.ofNanos(System.nanoTime() - start).toSeconds());
        System.exit(rows.stream().allMatch(t -> t.lost() == 0 && t.unmarked() == 0) ? 0 : 1);
    }

    private static void print(List<Tally> rows) {
        System.out.println();
        System.out.println(Tally.HEADER);
        for (Tally t : rows) System.out.println(t.row());
        System.out.flush();
    }
}
