package org.mailroom;

import org.mailroom.cli.CampaignsCommand;
import org.mailroom.cli.InlineCommand;
import org.mailroom.cli.LogCommand;
import org.mailroom.cli.RenderCommand;
import org.mailroom.cli.SendCommand;
import org.mailroom.cli.ServeCommand;
import org.mailroom.cli.SubscribersCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The command line. Exit codes: 0 success, 1 an error the user can act on (one line on stderr,
 * the stack trace only with --verbose), 2 bad usage.
 */
@Command(name = "mailroom", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Self-hosted newsletter delivery: render issues, keep the list, send, watch.",
    subcommands = {RenderCommand.class, InlineCommand.class, ServeCommand.class, SubscribersCommand.class,
        SendCommand.class, CampaignsCommand.class, LogCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code; used by tests too. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("mailroom: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean verbose = parsed.expandedArgs().contains("--verbose");
        if (e instanceof MailroomException) {
            err.println("mailroom: " + e.getMessage());
        } else {
            err.println("mailroom: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
        }
        if (verbose) e.printStackTrace(err);
        err.flush();
        return 1;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"mailroom " + (v == null ? "development build" : v)};
        }
    }
}
