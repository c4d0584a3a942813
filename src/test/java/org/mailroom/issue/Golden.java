package org.mailroom.issue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden files beside each case in {@code src/test/resources/issue}: the expected output is the file; run
 * with {@code -Dmailroom.golden.update=true} to rewrite them after a deliberate change, then review the diff.
 */
final class Golden {
    static final Path DIR = Path.of("src/test/resources/issue");
    static final boolean UPDATE = Boolean.getBoolean("mailroom.golden.update");
    static final RenderSettings SETTINGS = new RenderSettings("Mailroom Weekly", "Mailroom Weekly, 1 Example Street, 12345 Example City",
        URI.create("https://mail.test"), URI.create("https://site.test/blog"), 5 * 1024 * 1024);

    private Golden() {}

    static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    /** The expected content, or (in update mode) the actual content written as the new expectation. */
    static String expected(Path file, String actual) {
        try {
            if (UPDATE) Files.writeString(file, actual, StandardCharsets.UTF_8);
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path sibling(Path md, String suffix) {
        String name = md.getFileName().toString();
        return md.resolveSibling(name.substring(0, name.length() - 3) + suffix);
    }

    /** Where ../shared is: system property mailroom.shared, else ../shared beside the project. */
    static Path shared() {
        return Path.of(System.getProperty("mailroom.shared", "../shared"));
    }

    /** The TWiR issues of ../shared/corpus/twir, sorted; the calling test is skipped where the folder is absent. */
    static List<Path> corpus() throws IOException {
        Path corpus = shared().resolve("corpus/twir");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus + " (set -Dmailroom.shared)");
        try (Stream<Path> s = Files.list(corpus)) {
            return s.sorted().toList();
        }
    }
}
