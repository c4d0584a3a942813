package org.mailroom.issue.inline;

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

/** The {@code inline} command, run through the real command line. */
class InlineCommandTest {
    private static final String PAGE = "<html><head><style>p { color: #123456 } a:hover { color: red }</style></head>"
        + "<body><p>Grüße</p></body></html>";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void writes_the_inlined_document_to_the_output_file() throws Exception {
        Path in = Files.writeString(dir.resolve("in.html"), PAGE);
        Path result = dir.resolve("out.html");

        assertThat(Main.run("inline", in.toString(), "-o", result.toString())).isEqualTo(0);

        assertThat(Files.readString(result)).isEqualTo("<html><head><style>a:hover{color:red}\n</style></head>"
            + "<body><p style=\"color: #123456\">Grüße</p></body></html>");
        assertThat(out.size()).isZero();
    }

    @Test
    void prints_the_inlined_document_in_utf8_without_an_output_file() throws Exception {
        Path in = Files.writeString(dir.resolve("in.html"), PAGE);

        assertThat(Main.run("inline", in.toString())).isEqualTo(0);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("<p style=\"color: #123456\">Grüße</p>");
    }

    @Test
    void a_missing_file_is_one_line_and_exit_code_1() {
        Path missing = dir.resolve("missing.html");

        assertThat(Main.run("inline", missing.toString())).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("mailroom: " + missing + ": no such file\n");
    }

    @Test
    void a_file_that_is_not_utf8_names_the_offending_byte() throws Exception {
        Path latin1 = Files.write(dir.resolve("latin1.html"), "<p>\nGr\u00fc\u00dfe</p>".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(Main.run("inline", latin1.toString())).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8))
            .isEqualTo("mailroom: " + latin1 + ": not UTF-8 (invalid byte at offset 6, line 2)\n");
    }

    @Test
    void an_empty_file_and_a_directory_are_refused() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.html"));

        assertThat(Main.run("inline", empty.toString())).isEqualTo(1);
        assertThat(Main.run("inline", dir.toString())).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("mailroom: " + empty + ": empty file\n"
            + "mailroom: " + dir + ": is a directory, not an HTML file\n");
    }

    @Test
    void an_unwritable_output_is_one_line_and_exit_code_1() throws Exception {
        Path in = Files.writeString(dir.resolve("in.html"), PAGE);
        Path result = dir.resolve("no/such/dir/out.html");

        assertThat(Main.run("inline", in.toString(), "-o", result.toString())).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("mailroom: " + result + ": cannot write: no such directory\n");
    }

    @Test
    void stylesheet_warnings_go_to_standard_error() throws Exception {
        Path in = Files.writeString(dir.resolve("in.html"), "<style>@supports (display: grid) { p { display: grid } }</style><p>x</p>");

        assertThat(Main.run("inline", in.toString(), "-o", dir.resolve("out.html").toString())).isEqualTo(0);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("mailroom: " + in + ": warning: CSS: dropped @supports");
    }

    @Test
    void a_missing_argument_is_bad_usage() {
        assertThat(Main.run("inline")).isEqualTo(2);
    }
}
