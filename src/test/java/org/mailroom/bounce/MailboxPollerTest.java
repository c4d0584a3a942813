package org.mailroom.bounce;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailboxPollerTest {
    private static final String USER = "bounces@example.org";
    private static final String PASSWORD = "s3cr3t:pw";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_POP3_IMAP));

    @TempDir
    Path dir;
    private GreenMailUser user;

    @BeforeEach
    void mailbox() throws Exception {
        user = greenMail.setUser(USER, "bounces", PASSWORD);
        for (String name : Samples.ALL) deliver(name);
    }

    private void deliver(String name) throws Exception {
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(Samples.bytes(name))));
    }

    private MailboxUrl url(String protocol, int port) {
        return MailboxUrl.parse(protocol + "://bounces:s3cr3t%3Apw@127.0.0.1:" + port + "/INBOX");
    }

    private MailboxPoller imapPoller(BounceFixture f) {
        return new MailboxPoller(url("imap", greenMail.getImap().getPort()), f.handler, 10);
    }

    private void assertSubscribersEndInTheRightStatus(BounceFixture f) {
        assertThat(f.status(1)).as("postfix hard").isEqualTo("bounced");
        assertThat(f.status(2)).as("postfix delayed").isEqualTo("confirmed");
        assertThat(f.bounceCount(2)).isEqualTo(1);
        assertThat(f.status(3)).as("exchange").isEqualTo("bounced");
        assertThat(f.status(4)).as("qmail").isEqualTo("bounced");
        assertThat(f.status(5)).as("gmail").isEqualTo("bounced");
        assertThat(f.status(6)).as("arf").isEqualTo("complained");
        assertThat(f.status(7)).as("mangled").isEqualTo("bounced");
        assertThat(f.status(8)).as("out of office").isEqualTo("confirmed");
        assertThat(f.status(9)).as("reader's reply").isEqualTo("confirmed");
        assertThat(f.count("unrecognised_report")).isEqualTo(1);
        assertThat(f.store.recentUnrecognised(10).get(0).subject()).isEqualTo("Re: Mailroom Weekly #42");
    }

    private int count(String protocol, int port, String folder) throws Exception {
        Session s = Session.getInstance(new Properties());
        try (Store store = s.getStore(protocol)) {
            store.connect("127.0.0.1", port, "bounces", PASSWORD);
            Folder f = store.getFolder(folder);
            if (!f.exists()) return -1;
            f.open(Folder.READ_ONLY);
            int n = f.getMessageCount();
            f.close(false);
            return n;
        }
    }

    @Test
    void an_imap_poll_sets_every_subscriber_right_keeps_the_unrecognised_and_moves_all_to_processed() throws Exception {
        try (BounceFixture f = new BounceFixture(dir)) {
            MailboxPoller.Summary s = imapPoller(f).pollOnce();
            assertThat(s.count(ReportHandler.Result.BOUNCE)).isEqualTo(7);
            assertThat(s.count(ReportHandler.Result.IGNORED)).isEqualTo(1);
            assertThat(s.count(ReportHandler.Result.UNRECOGNISED)).isEqualTo(1);
            assertThat(s.failed()).isZero();
            assertSubscribersEndInTheRightStatus(f);
            assertThat(f.count("bounce")).isEqualTo(8); // qmail's report names two recipients
            int imap = greenMail.getImap().getPort();
            assertThat(count("imap", imap, "INBOX")).isZero();
            assertThat(count("imap", imap, MailboxPoller.PROCESSED)).isEqualTo(Samples.ALL.length);
        }
    }

    @Test
    void a_second_poll_and_a_restart_with_a_redelivered_report_process_nothing_twice() throws Exception {
        try (BounceFixture f = new BounceFixture(dir)) {
            imapPoller(f).pollOnce();
            assertThat(imapPoller(f).pollOnce().results()).isEmpty();
        }
        deliver("postfix-delayed"); // the relay delivers the same report again while we are down
        try (BounceFixture restarted = new BounceFixture(dir, false, BounceListener.NONE)) {
            MailboxPoller.Summary s = imapPoller(restarted).pollOnce();
            assertThat(s.count(ReportHandler.Result.ALREADY_SEEN)).isEqualTo(1);
            assertThat(restarted.bounceCount(2)).isEqualTo(1);
            assertThat(restarted.count("bounce")).isEqualTo(8);
            assertThat(count("imap", greenMail.getImap().getPort(), "INBOX")).isZero();
        }
    }

    @Test
    void a_crash_after_the_commit_but_before_the_move_leaves_reports_that_the_next_poll_only_moves() throws Exception {
        try (BounceFixture f = new BounceFixture(dir)) {
            for (String name : Samples.ALL) f.handler.handle(Samples.bytes(name)); // committed, still in INBOX
            MailboxPoller.Summary s = imapPoller(f).pollOnce();
            assertThat(s.count(ReportHandler.Result.ALREADY_SEEN)).isEqualTo(Samples.ALL.length);
            assertThat(f.count("bounce")).isEqualTo(8);
            assertThat(f.bounceCount(2)).isEqualTo(1);
            assertThat(count("imap", greenMail.getImap().getPort(), "INBOX")).isZero();
        }
    }

    @Test
    void a_pop3_poll_sets_every_subscriber_right_and_deletes_what_it_handled() throws Exception {
        int pop3 = greenMail.getPop3().getPort();
        try (BounceFixture f = new BounceFixture(dir)) {
            MailboxPoller.Summary s = new MailboxPoller(url("pop3", pop3), f.handler, 10).pollOnce();
            assertThat(s.count(ReportHandler.Result.BOUNCE)).isEqualTo(7);
            assertSubscribersEndInTheRightStatus(f);
            assertThat(count("pop3", pop3, "INBOX")).isZero();
            deliver("arf-abuse");
            assertThat(new MailboxPoller(url("pop3", pop3), f.handler, 10).pollOnce().count(ReportHandler.Result.ALREADY_SEEN)).isEqualTo(1);
            assertThat(count("pop3", pop3, "INBOX")).isZero();
        }
    }

    @Test
    void a_wrong_password_fails_with_the_mailbox_named_and_the_password_masked() {
        try (BounceFixture f = new BounceFixture(dir)) {
            MailboxUrl wrong = MailboxUrl.parse("imap://bounces:hunter2@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX");
            assertThatThrownBy(() -> new MailboxPoller(wrong, f.handler, 10).pollOnce())
                .isInstanceOf(BounceException.class)
                .hasMessageContaining("imap://bounces:***@127.0.0.1:")
                .hasMessageNotContaining("hunter2");
        }
    }
}
