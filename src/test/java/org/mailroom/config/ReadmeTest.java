package org.mailroom.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's configuration table is the documentation of every key: it must list each one, as Keys defines it. */
class ReadmeTest {
    static String row(Key k) {
        String def = k.type() == Key.Type.SECRET || k.defaultValue().isEmpty() ? "(empty)" : "`" + k.defaultValue() + "`";
        return "| `" + k.name() + "` | " + def + " | " + k.description().replace("|", "\\|") + " |";
    }

    @Test
    void readme_lists_every_configuration_key_with_its_default_and_meaning() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> missing = new ArrayList<>();
        for (Key k : Keys.ALL) if (!readme.contains(row(k))) missing.add(row(k));
        StringBuilder table = new StringBuilder("| property | default | meaning |\n| --- | --- | --- |\n");
        for (Key k : Keys.ALL) table.append(row(k)).append('\n');
        assertThat(missing).as("README.md rows out of date; the table should read:\n" + table).isEmpty();
    }
}
