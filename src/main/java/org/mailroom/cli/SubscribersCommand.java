package org.mailroom.cli;

import org.mailroom.MailroomException;
import org.mailroom.db.Database;
import org.mailroom.subscriber.Exporter;
import org.mailroom.subscriber.Importer;
import org.mailroom.subscriber.Status;
import org.mailroom.subscriber.SubscriberStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "subscribers", mixinStandardHelpOptions = true, description = "Import, export and count the subscriber list.",
    subcommands = {SubscribersCommand.Import.class, SubscribersCommand.Export.class, SubscribersCommand.Count.class})
public final class SubscribersCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: import, export or count");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Adds subscribers from a CSV file with a header row: 'email', optional 'name' and 'status' "
            + "(pending, confirmed, unsubscribed, bounced, complained; new addresses without one are confirmed).",
            "Known addresses are merged: the name is updated; someone who left is never re-activated.",
            "Rejected rows are listed on stderr with their line and reason; the rest are imported in one transaction.",
            "Exit code 1 when any row was rejected."})
    static final class Import implements Callable<Integer> {
        @Mixin
        Options options;

        @Parameters(paramLabel = "FILE.csv", description = "UTF-8 CSV, with or without BOM, CRLF or LF")
        Path file;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) throw new MailroomException(file + ": no such file");
            PrintStream err = System.err;
            ImportProgress progress = System.console() != null ? new ImportProgress(err, Files.size(file)) : null;
            Importer.Result result;
            try (Database db = Database.open(options.config());
                 InputStream in = progress == null ? Files.newInputStream(file) : progress.counting(Files.newInputStream(file))) {
                result = new Importer(new SubscriberStore(db), Clock.systemUTC()).importCsv(in, file.toString(), new Importer.Listener() {
                    @Override
                    public void rejected(Importer.Rejected r) {
                        if (progress != null) progress.clear();
                        err.println(file + " line " + r.line() + ": " + r.reason());
                    }

                    @Override
                    public void progress(long rows) {
                        if (progress != null) progress.update(rows);
                    }
                });
            }
            if (progress != null) progress.clear();
            System.out.println("imported " + result.accepted() + " of " + result.rows() + " rows from " + file + ": "
                + result.added() + " new, " + (result.accepted() - result.added()) + " merged into existing subscribers, "
                + result.rejected() + " rejected");
            return result.rejected() > 0 ? 1 : 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes every subscriber as CSV to standard output (email,name,status,...); 'subscribers import' reads it back.")
    static final class Export implements Callable<Integer> {
        @Mixin
        Options options;

        @Override
        public Integer call() throws IOException {
            try (Database db = Database.open(options.config())) {
                BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 64 * 1024);
                new Exporter(new SubscriberStore(db)).write(out);
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "count", mixinStandardHelpOptions = true, description = "Prints how many subscribers have each status, and the total.")
    static final class Count implements Callable<Integer> {
        @Mixin
        Options options;

        @Override
        public Integer call() {
            Map<Status, Long> counts;
            try (Database db = Database.open(options.config())) {
                counts = new SubscriberStore(db).countByStatus();
            }
            long total = 0;
            for (var e : counts.entrySet()) {
                System.out.printf("%-13s %d%n", e.getKey().value(), e.getValue());
                total += e.getValue();
            }
            System.out.printf("%-13s %d%n", "total", total);
            return 0;
        }
    }
}
