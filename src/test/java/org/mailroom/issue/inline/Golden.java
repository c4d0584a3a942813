package org.mailroom.issue.inline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files of the inliner: {@code <case>.html} and the exact expected output {@code <case>.expected.html}.
 * Run with {@code -Dmailroom.golden.update=true} to rewrite the expected files (then read the diff).
 */
final class Golden {
    static final Path DIR = Path.of("src/test/resources/inline");
    private static final boolean UPDATE = Boolean.getBoolean("mailroom.golden.update");

    private Golden() {
    }

    static void assertInlines(String name) {
        String actual = new CssInliner().inline(read(DIR.resolve(name + ".html")));
        Path expected = DIR.resolve(name + ".expected.html");
        if (UPDATE) write(expected, actual);
        assertThat(actual).as(expected.toString()).isEqualTo(read(expected));
    }

    /** The sources, without their expected outputs. */
    static List<Path> sources() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".html") && !p.toString().endsWith(".expected.html"))
                .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path path, String text) {
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
