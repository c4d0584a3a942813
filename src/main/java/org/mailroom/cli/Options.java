package org.mailroom.cli;

import org.mailroom.config.Config;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every command takes: --config and --verbose. Mixed into each command with {@code @Mixin}. */
public final class Options {
    @Option(names = "--config", paramLabel = "FILE", description = "Properties file read after ./application.properties")
    Path config;

    @Option(names = "--verbose", description = "Print stack traces of errors")
    boolean verbose;

    public Config config() {
        return Config.load(config, System.getenv());
    }
}
