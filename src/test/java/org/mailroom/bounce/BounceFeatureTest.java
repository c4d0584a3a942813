package org.mailroom.bounce;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.config.Config;
import org.mailroom.subscriber.Tokens;
import org.quartz.Scheduler;
import org.quartz.impl.StdSchedulerFactory;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BounceFeatureTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path dir;

    private static Scheduler scheduler() throws Exception {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "bounce-test-" + UUID.randomUUID());
        p.setProperty("org.quartz.threadPool.threadCount", "1");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        return new StdSchedulerFactory(p).getScheduler();
    }

    @Test
    void the_scheduled_job_polls_the_configured_mailbox_every_poll_seconds() throws Exception {
        var user = greenMail.setUser("bounces@example.org", "bounces", "pw");
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(Samples.bytes("postfix-hard"))));
        try (BounceFixture f = new BounceFixture(dir)) {
            Config config = Config.of(Map.of("bounce.mailbox", "imap://bounces:pw@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX",
                "bounce.poll-seconds", "1", "bounce.verp", Samples.VERP_PATTERN));
            BounceFeature feature = BounceFeature.create(config, f.db, Samples.SECRET, new Tokens(Samples.SECRET),
                CampaignLookup.NONE, id -> 0, BounceListener.NONE);
            assertThat(feature.verp().envelopeSender(1, 42)).contains("bounces+aevfwdnflgmlnkbsjnza@example.org");
            Scheduler s = scheduler();
            try {
                feature.schedule(s);
                s.start();
                long deadline = System.currentTimeMillis() + 60_000;
                while (!"bounced".equals(f.status(1)) && System.currentTimeMillis() < deadline) Thread.sleep(100);
                assertThat(f.status(1)).isEqualTo("bounced");
                assertThat(s.checkExists(BouncePollJob.KEY)).isTrue();
                BounceFeature.create(Config.of(Map.of()), f.db, Samples.SECRET, null, CampaignLookup.NONE, id -> 0, BounceListener.NONE).schedule(s);
                assertThat(s.checkExists(BouncePollJob.KEY)).as("no mailbox: no schedule").isFalse();
            } finally {
                s.shutdown(true);
            }
        }
    }
}
