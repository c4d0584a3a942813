package org.mailroom.cli;

import org.mailroom.config.Config;
import org.mailroom.db.Database;
import org.mailroom.delivery.Campaign;
import org.mailroom.delivery.CampaignService;
import org.mailroom.delivery.Delivery;
import org.mailroom.delivery.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

@Command(name = "campaigns", mixinStandardHelpOptions = true,
    description = "List campaigns with status and sent / failed / pending counts; pause, resume or cancel one.",
    subcommands = {CampaignsCommand.Pause.class, CampaignsCommand.Resume.class, CampaignsCommand.Cancel.class})
public final class CampaignsCommand implements Callable<Integer> {
    @Mixin
    Options options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Config config = options.config();
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = Database.open(config); Delivery d = Delivery.control(config, db)) {
            out.printf("%-6s %-10s %8s %8s %8s %8s  %-20s  %s%n", "ID", "STATUS", "AUDIENCE", "SENT", "FAILED", "PENDING", "SCHEDULED", "SUBJECT");
            for (Campaign c : d.campaigns().list()) {
                Progress p = d.campaigns().progress(c.id());
                out.printf("%-6d %-10s %8d %8d %8d %8d  %-20s  %s%n", c.id(), c.status().db(), c.audience(), p.sent(), p.failed(),
                    p.pending(), c.scheduledAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), c.subject());
            }
            out.flush();
        }
        return 0;
    }

    /** Runs one verb on one campaign and says what happened. */
    static int steer(Options options, CommandSpec spec, long id, String done, BiConsumer<CampaignService, Long> verb) {
        Config config = options.config();
        try (Database db = Database.open(config); Delivery d = Delivery.control(config, db)) {
            verb.accept(d.campaigns(), id);
            spec.commandLine().getOut().println("campaign " + id + " " + done);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** What pause, resume and cancel share: the options, the campaign id, and one steering call. */
    abstract static class Steer implements Callable<Integer> {
        @Mixin
        Options options;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID")
        long id;

        final int steer(String done, BiConsumer<CampaignService, Long> action) {
            return CampaignsCommand.steer(options, spec, id, done, action);
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Stop sending a campaign for now; resume continues where it stopped.")
    static final class Pause extends Steer {
        @Override
        public Integer call() {
            return steer("paused", CampaignService::pause);
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Continue a paused campaign.")
    static final class Resume extends Steer {
        @Override
        public Integer call() {
            return steer("resumed", CampaignService::resume);
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Stop a campaign for good (scheduled, sending or paused).")
    static final class Cancel extends Steer {
        @Override
        public Integer call() {
            return steer("cancelled", CampaignService::cancel);
        }
    }
}
