package org.mailroom.issue.inline;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Chromium decides: the shared check {@code inline-equivalence} compares the computed styles of each
 * page with its stylesheet against our output with every {@code <style>} removed, and must print 100%.
 * Skipped when the check or Debian's chromium is missing. {@code -Dmailroom.shared=DIR} points at the
 * shared directory (default {@code ../shared}, relative to the project).
 */
class InlineEquivalenceIT {
    private static Path shared;

    @TempDir
    static Path work;

    @BeforeAll
    static void findTheCheck() {
        Path project = Path.of("").toAbsolutePath();
        shared = project.resolve(System.getProperty("mailroom.shared", "../shared")).normalize();
        assumeTrue(Files.isRegularFile(shared.resolve("checks/inline-equivalence")), "no " + shared + "/checks/inline-equivalence");
        assumeTrue(onPath("chromium") || onPath("chromium-browser"), "chromium is not installed");
        assumeTrue(onPath("python3"), "python3 is not installed");
    }

    @TestFactory
    Stream<DynamicTest> every_golden_page_looks_the_same_in_chromium_without_its_style_block() {
        return Golden.sources().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> assertEquivalent(p)));
    }

    @TestFactory
    Stream<DynamicTest> the_seed_issue_in_the_newsletter_theme_looks_the_same_in_chromium() {
        Path seed = shared.resolve("seed/this-week-in-rust-578.md");
        assumeTrue(Files.isRegularFile(seed), "no seed issue");
        return Stream.of(DynamicTest.dynamicTest(seed.getFileName().toString(), () -> {
            Path source = Files.writeString(work.resolve("seed.source.html"), NewsletterPage.fromIssue(seed));
            assertEquivalent(source);
        }));
    }

    /** Every hundredth issue of the TWiR archive (2013 to 2025), rendered by flexmark into the test theme. */
    @TestFactory
    Stream<DynamicTest> archive_issues_across_the_years_look_the_same_in_chromium() throws IOException {
        Path corpus = shared.resolve("corpus/twir");
        assumeTrue(Files.isDirectory(corpus), "no corpus");
        List<Path> issues;
        try (Stream<Path> files = Files.list(corpus)) {
            issues = files.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".markdown")).sorted().toList();
        }
        return IntStream.range(0, issues.size()).filter(i -> i % 100 == 0 || i == issues.size() - 1).mapToObj(issues::get)
            .map(issue -> DynamicTest.dynamicTest(issue.getFileName().toString(), () -> {
                String name = issue.getFileName().toString().replaceFirst("\\.[a-z]+$", "");
                assertEquivalent(Files.writeString(work.resolve(name + ".html"), NewsletterPage.fromIssue(issue)));
            }));
    }

    private static void assertEquivalent(Path source) throws IOException, InterruptedException {
        String name = source.getFileName().toString().replace(".html", "");
        Path email = work.resolve(name + ".email.html");
        Files.writeString(email, new CssInliner().inline(Golden.read(source)), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of("python3",
            shared.resolve("checks/inline-equivalence").toString(), source.toString(), email.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("finished").isTrue();
        assertThat(process.exitValue()).as(name + ": " + output).isEqualTo(0);
        assertThat(output).contains("(100.0%)");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }
}
