package org.mailroom.cli;

import org.mailroom.App;
import org.mailroom.MailroomException;
import org.mailroom.bounce.Verp;
import org.mailroom.config.Config;
import org.mailroom.db.Database;
import org.mailroom.delivery.Campaign;
import org.mailroom.delivery.CampaignStatus;
import org.mailroom.delivery.Delivery;
import org.mailroom.delivery.ProgressBar;
import org.mailroom.delivery.SmtpReply;
import org.mailroom.delivery.RelayMailer;
import org.mailroom.delivery.StartTime;
import org.mailroom.subscriber.SecretFile;
import org.mailroom.subscriber.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

@Command(name = "send", mixinStandardHelpOptions = true,
    description = {"Send an issue to all confirmed subscribers, now or at a time.",
        "Prints the campaign id alone on the last line of standard output; messages and progress go to standard error."})
public final class SendCommand implements Callable<Integer> {
    @Mixin
    Options options;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ISSUE.md", description = "The issue (Markdown with a Pelican-style header)")
    Path issue;

    @Option(names = "--at", paramLabel = "TIME", description = "Start at this time (ISO-8601, e.g. 2026-12-03T09:00:00+01:00; without offset: local time)")
    String at;

    @Option(names = "--wait", description = "Stay in the foreground with a progress bar until the campaign ends (sends itself when no serve runs)")
    boolean waitForEnd;

    @Option(names = "--to", paramLabel = "ADDRESS", description = "Test send to this one address: no campaign, subject prefixed [TEST]")
    String to;

    @Override
    public Integer call() throws Exception {
        Config config = options.config();
        byte[] markdown = read(issue);
        Instant when = at == null ? null : StartTime.parse(at, "--at");
        PrintWriter err = spec.commandLine().getErr();
        try (Database db = Database.open(config);
             RelayMailer relay = new RelayMailer(config, () -> Delivery.control(config, db).serveRunning())) {
            if (to != null) return testSend(config, db, relay, markdown, err);
            try (Delivery d = delivery(config, db, relay)) {
                long id = d.campaigns().create(issue.getFileName().toString(), markdown, when);
                Campaign c = d.campaigns().get(id);
                err.println(c.status() == CampaignStatus.SCHEDULED ? "campaign " + id + " scheduled for " + c.scheduledAt()
                    : "campaign " + id + " started: " + c.audience() + " recipients");
                spec.commandLine().getOut().println(id);
                spec.commandLine().getOut().flush();
                if (waitForEnd) follow(d, id, err);
                else if (!d.serveRunning()) err.println("note: no serve is running on " + db.displayUrl() + ": start 'mailroom serve', or use --wait to send from here");
                err.flush();
                return 0;
            }
        }
    }

    private int testSend(Config config, Database db, RelayMailer relay, byte[] markdown, PrintWriter err) {
        try (Delivery d = delivery(config, db, relay)) {
            SmtpReply reply = d.sendTest(issue.getFileName().toString(), markdown, to);
            if (!reply.accepted()) throw new MailroomException("test send to " + to + " refused: " + reply);
            err.println("test message sent to " + to + ": " + reply);
            err.flush();
            return 0;
        }
    }

    private Delivery delivery(Config config, Database db, RelayMailer relay) {
        byte[] secret = SecretFile.tokenSecret(config);
        return new Delivery(config, db, new Tokens(secret), App.renderer(config), relay, Verp.from(config, secret)::envelopeSender);
    }

    /** Follows the campaign to its end: a running serve sends it, or this process does. */
    private void follow(Delivery d, long id, PrintWriter err) throws InterruptedException {
        boolean here = !d.serveRunning();
        if (here) {
            err.println("no serve is running: sending from here");
            d.sendHere();
        }
        ProgressBar bar = new ProgressBar();
        for (int tick = 1; ; tick++) {
            if (!here && tick % 10 == 0 && !d.serveRunning()) {
                err.println();
                err.println("the serve stopped: sending from here");
                d.sendHere();
                here = true;
            }
            Campaign c = d.campaigns().get(id);
            if (here && c.status() == CampaignStatus.SCHEDULED && !Instant.now().isBefore(c.scheduledAt())) d.campaigns().start(id);
            err.print("\r" + bar.line(d.campaigns().progress(id)) + "   ");
            err.flush();
            if (c.status().isFinal()) break;
            Thread.sleep(500);
        }
        var p = d.campaigns().progress(id);
        err.println();
        err.println("campaign " + id + " " + p.status().db() + ": sent " + p.sent() + ", failed " + p.failed() + ", skipped " + p.skipped());
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MailroomException(file + ": cannot read: " + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
    }
}
