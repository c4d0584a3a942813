package org.mailroom.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscribers commands as an operator runs them: Main.run with --config, exit codes, stdout and stderr. */
class SubscribersCommandTest {
    @TempDir
    Path dir;
    Path config;
    private final PrintStream realOut = System.out;
    private final PrintStream realErr = System.err;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void setUp() throws Exception {
        config = dir.resolve("test.properties");
        Files.writeString(config, "db.url=jdbc:h2:file:" + dir.resolve("db/mailroom").toAbsolutePath() + "\ndata.dir=" + dir.resolve("data") + "\n");
    }

    @AfterEach
    void restore() {
        System.setOut(realOut);
        System.setErr(realErr);
    }

    @Test
    void import_then_count_then_export_round_trips() throws Exception {
        Path csv = write("in.csv", "email,name,status\r\nann@example.org,\"Smith, Ann\",confirmed\r\nbob@example.org,Bob,pending\r\n");
        assertThat(run("subscribers", "import", "--config", config.toString(), csv.toString())).isZero();
        assertThat(out()).contains("imported 2 of 2 rows", "2 new", "0 rejected");

        assertThat(run("subscribers", "count", "--config", config.toString())).isZero();
        assertThat(out()).contains("pending       1", "confirmed     1", "unsubscribed  0", "total         2");

        assertThat(run("subscribers", "export", "--config", config.toString())).isZero();
        String exported = out();
        assertThat(exported).startsWith("email,name,status,").contains("ann@example.org,\"Smith, Ann\",confirmed,");
        Path again = write("again.csv", exported);
        assertThat(run("subscribers", "import", "--config", config.toString(), again.toString())).isZero();
        assertThat(out()).contains("0 new, 2 merged");
    }

    @Test
    void rejected_rows_are_listed_on_stderr_with_lines_and_the_exit_code_is_1() throws Exception {
        Path csv = write("bad.csv", "email\ngood@example.org\nnot an address\n");
        assertThat(run("subscribers", "import", "--config", config.toString(), csv.toString())).isEqualTo(1);
        assertThat(err()).contains(csv + " line 3: email address 'not an address' contains a space");
        assertThat(out()).contains("imported 1 of 2 rows", "1 rejected");
    }

    @Test
    void a_missing_file_or_header_is_one_line_and_exit_1() throws Exception {
        assertThat(run("subscribers", "import", "--config", config.toString(), dir.resolve("nope.csv").toString())).isEqualTo(1);
        assertThat(err().strip()).isEqualTo("mailroom: " + dir.resolve("nope.csv") + ": no such file");
        Path csv = write("noheader.csv", "address\nx@example.org\n");
        assertThat(run("subscribers", "import", "--config", config.toString(), csv.toString())).isEqualTo(1);
        assertThat(err().strip()).startsWith("mailroom: " + csv + " line 1: the header row has no 'email' column").doesNotContain("\n");
    }

    @Test
    void bad_usage_exits_2() {
        assertThat(run("subscribers")).isEqualTo(2);
        assertThat(err()).contains("subcommand is required");
        assertThat(run("subscribers", "import")).isEqualTo(2);
        assertThat(run("subscribers", "count", "--no-such-option")).isEqualTo(2);
    }

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
