package org.mailroom.cli;

import org.mailroom.issue.inline.CssInliner;
import org.mailroom.issue.inline.HtmlFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code inline IN.html [-o OUT.html]}: the inliner on its own, a drop-in for juice. */
@Command(name = "inline", mixinStandardHelpOptions = true,
    description = {"Inlines the CSS of an HTML document into style attributes (as juice does).",
        "@media rules, :hover and the like stay in one <style> block. Warnings go to standard error."})
public final class InlineCommand implements Callable<Integer> {
    @Mixin
    Options options;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.html", description = "The HTML document (UTF-8)")
    Path in;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.html", description = "Where to write; standard output without it")
    Path out;

    @Override
    public Integer call() {
        String html = HtmlFiles.read(in);
        String inlined = new CssInliner().inline(html, w -> spec.commandLine().getErr().println("mailroom: " + in + ": warning: " + w));
        if (out != null) {
            HtmlFiles.write(out, inlined);
        } else {
            System.out.writeBytes(inlined.getBytes(StandardCharsets.UTF_8)); // UTF-8 whatever the platform default
            System.out.flush();
        }
        return 0;
    }
}
