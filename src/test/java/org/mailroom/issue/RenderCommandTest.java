package org.mailroom.issue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.Main;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The render command as a user runs it: files in, four outputs per issue, one line per problem, exit codes. */
class RenderCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int render(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] full = new String[args.length + 1];
        full[0] = "render";
        System.arraycopy(args, 0, full, 1, args.length);
        return cl.execute(full);
    }

    private Path issue(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void one_issue_writes_four_files_and_prints_the_subject() throws IOException {
        Path md = issue("578.md", "Title: Weekly 578\nNumber: 578\nDate: 2024-12-18\n\nHello [there](https://x.test/).\n");
        Path out = dir.resolve("out");
        assertThat(render(md.toString(), "--out", out.toString())).isZero();
        assertThat(this.out.toString().strip()).isEqualTo("Weekly 578");
        for (String f : new String[] {"email.html", "email.source.html", "email.txt", "email.eml"})
            assertThat(out.resolve(f)).isNotEmptyFile();
        String eml = Files.readString(out.resolve("email.eml"));
        assertThat(eml).contains("Subject: Weekly 578", "List-Unsubscribe-Post: List-Unsubscribe=One-Click", "multipart/alternative");
        assertThat(eml.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void a_bad_file_is_one_line_on_stderr_and_the_others_still_render() throws IOException {
        Path good = issue("good.md", "Title: Good\n\nFine.\n");
        Path empty = issue("empty.md", "");
        Path deep = issue("deep.md", "Title: Deep\n\n" + ">".repeat(10_000) + " x\n");
        Path out = dir.resolve("out");
        assertThat(render(good.toString(), empty.toString(), deep.toString(), "--out", out.toString())).isEqualTo(1);
        assertThat(out.resolve("good/email.html")).isNotEmptyFile();
        assertThat(err.toString().lines()).containsExactly(
            empty + ": empty file: nothing to render",
            deep + ": nested too deep: 10000 nested quote or list markers (at most 100) (line 3)");
        assertThat(err.toString()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void warnings_name_file_and_line_and_strict_makes_them_errors() throws IOException {
        Path md = issue("draft.md", "Title: Draft\n\n* [Discuss](REDDIT_LINK_HERE)\n");
        assertThat(render(md.toString(), "--out", dir.resolve("a").toString())).isZero();
        assertThat(err.toString()).contains(md + ":3: warning: placeholder link target 'REDDIT_LINK_HERE'");
        err.getBuffer().setLength(0);
        assertThat(render(md.toString(), "--out", dir.resolve("b").toString(), "--strict")).isEqualTo(1);
        assertThat(err.toString()).contains(md + ":3: error: placeholder link target").contains("--strict");
        assertThat(dir.resolve("b/email.html")).doesNotExist();
    }

    @Test
    void the_unsubscribe_link_carries_the_token_placeholder_in_html_and_text() throws IOException {
        Path md = issue("t.md", "Title: T\n\nx\n");
        render(md.toString(), "--out", dir.toString());
        String placeholder = org.mailroom.message.MessageTemplate.TOKEN_PLACEHOLDER;
        assertThat(Files.readString(dir.resolve("email.html"))).contains("/unsubscribe/" + placeholder);
        assertThat(Files.readString(dir.resolve("email.txt"))).contains("/unsubscribe/" + placeholder);
        assertThat(Files.readString(dir.resolve("email.eml"))).contains("/unsubscribe/" + SampleMessage.SAMPLE_TOKEN);
    }
}
