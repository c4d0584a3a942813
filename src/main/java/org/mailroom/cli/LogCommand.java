package org.mailroom.cli;

import org.mailroom.config.Config;
import org.mailroom.db.Database;
import org.mailroom.delivery.Delivery;
import org.mailroom.delivery.LogEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "log", mixinStandardHelpOptions = true,
    description = {"The delivery log, oldest first: time, campaign, recipient, outcome, SMTP reply (tab-separated).",
        "Campaign events (started, late, relay down, finished...) have '-' as recipient."})
public final class LogCommand implements Callable<Integer> {
    private static final int PAGE = 1000;

    @Mixin
    Options options;

    @Spec
    CommandSpec spec;

    @Option(names = "--campaign", paramLabel = "ID", description = "Only this campaign")
    long campaign;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines as they come (Ctrl-C to stop)")
    boolean follow;

    @Override
    public Integer call() throws InterruptedException {
        Config config = options.config();
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = Database.open(config); Delivery d = Delivery.control(config, db)) {
            if (campaign != 0) d.campaigns().get(campaign);
            long last = 0;
            while (true) {
                List<LogEntry> page = d.store().events(campaign, last, PAGE);
                for (LogEntry e : page) out.println(e.format());
                out.flush();
                if (!page.isEmpty()) last = page.get(page.size() - 1).id();
                if (page.size() == PAGE) continue;
                if (!follow) return 0;
                Thread.sleep(500);
            }
        }
    }
}
