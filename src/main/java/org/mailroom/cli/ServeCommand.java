package org.mailroom.cli;

import org.mailroom.MailroomException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Not available yet.")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    Options options;

    @Override
    public Integer call() {
        throw new MailroomException("serve: not available yet");
    }
}
