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
            Rig.await(() -> rig.delivery.problem() != null, Duration.ofSeconds(30), "sending reports the full disk");
            String problem = rig.delivery.problem();
            Thread.sleep(1000);
            int stoppedAt = smtp.total();
            Thread.sleep(full.toMillis());
            assertThat(smtp.total()).as("messages sent while the disk is full").isEqualTo(stoppedAt);
            assertThat(errors(log)).as("errors logged").anyMatch(m -> m.contains("No space left on device"));
            disk.free();
            rig.awaitStatus(id, CampaignStatus.FINISHED, Duration.ofMinutes(5));
            assertThat(rig.delivery.problem()).as("problem after space returned").isNull();
            System.out.println("disk full: " + problem);
            return rig.tally(id, "database disk full (" + disk.kind() + "), then space back", 1);
        } finally {
            root.detachAppender(log);
        }
    }

    private static java.util.List<String> errors(ListAppender<ILoggingEvent> log) {
        return log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
            .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList();
    }
}
