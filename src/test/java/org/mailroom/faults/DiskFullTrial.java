package org.mailroom.faults;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.mailroom.delivery.CampaignStatus;
import org.mailroom.delivery.FakeSmtpServer;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database's disk fills up mid-campaign: sending stops with a clear error in the log and from
 * {@code Delivery.problem()} (what {@code /health} shows), nothing is recorded sent that was not, and after space
 * returns the campaign resumes by itself and ends.
 */
final class DiskFullTrial {
    private DiskFullTrial() {}

    /**
     * @param lease delivery.lease-seconds: a row H2 lost track of while closed waits for its lease to end (see
     *              docs/RELIABILITY.md), so the short trial uses a short one
     */
    static Tally run(Path dir, int recipients, boolean preferTmpfs, Duration full, int lease) throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try (FullDisk disk = FullDisk.at(dir, preferTmpfs); FakeSmtpServer smtp = new FakeSmtpServer(0, false);
             Rig rig = new Rig(dir, disk.dbUrl(), smtp, Map.of("delivery.rate", "300", "delivery.lease-seconds", String.valueOf(lease)))) {
            rig.subscribers(recipients);
            long id = rig.campaign(null);
            rig.delivery.sendHere();
            Rig.await(() -> smtp.total() >= recipients / 4, Duration.ofMinutes(2), "a quarter sent");
            disk.fill();
            Rig.await(() -> rig.delivery.problem() != null, Duration.ofSeconds(60), "sending reports the full disk");
            String problem = rig.delivery.problem();
            int stoppedAt = stopped(smtp);
            Thread.sleep(full.toMillis());
            assertThat(smtp.total()).as("messages sent while the disk is full").isEqualTo(stoppedAt);
            assertThat(errors(log)).as("errors logged").anyMatch(m -> m.contains("No space left on device"));
            disk.free();
            rig.awaitStatus(id, CampaignStatus.FINISHED, Duration.ofMinutes(5));
            // the heartbeat and the senders each see writes work again at their next try, up to a second apart
            Rig.await(() -> rig.delivery.problem() == null, Duration.ofSeconds(60),
                () -> "no problem once space returned (last: " + rig.delivery.problem() + ")");
            System.out.println("disk full: " + problem);
            return rig.tally(id, "database disk full (" + disk.kind() + "), then space back", 1);
        } finally {
            root.detachAppender(log);
        }
    }

    /**
     * Waits until the relay has received nothing new for a second and returns the count. Each sender thread may still
     * send the messages it holds ahead of its recorded outcomes (Worker.IN_FLIGHT) once writes fail; how long those
     * take depends on the machine's load, not on a fixed pause.
     */
    private static int stopped(FakeSmtpServer smtp) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int last = smtp.total();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < 1_000_000_000L) {
            if (System.nanoTime() > end) throw new AssertionError("sending did not stop within 60 s of the disk filling: " + smtp.total() + " sent");
            Thread.sleep(50);
            int now = smtp.total();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
        }
        return last;
    }

    /** A copy taken under the appender's lock: sender threads keep logging while the trial reads. */
    private static java.util.List<String> errors(ListAppender<ILoggingEvent> log) {
        java.util.List<ILoggingEvent> events;
        synchronized (log) {
            events = new java.util.ArrayList<>(log.list);
        }
        return events.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
            .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
    }
}
