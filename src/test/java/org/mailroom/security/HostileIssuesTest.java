package org.mailroom.security;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.App;
import org.mailroom.Main;
import org.mailroom.config.Config;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile issues through the two doors an editor uses, {@code POST /api/campaigns} and {@code render}: each ends in a
 * clear refusal or a safe rendering within seconds, never a crash, a hang or unsafe output.
 */
class HostileIssuesTest {
    static final String ADMIN = "an-admin-token-of-some-length";
    static final Duration QUICK = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    static App app;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = App.start(Config.of(Map.of("db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(), "data.dir", dir.resolve("data").toString(),
            "server.port", "0", "smtp.host", "127.0.0.1", "smtp.port", "1", "admin.token", ADMIN, "base.url", "https://news.example.org")));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void a_line_break_in_the_title_never_becomes_a_header() throws Exception {
        HttpResponse<String> r = send("Title: Hello\rBcc: victim@example.org\n\nBody.\n".getBytes(StandardCharsets.UTF_8));
        if (r.statusCode() == 201) assertThat(app.delivery().campaigns().list().get(0).subject()).doesNotContain("\r", "\n", "Bcc");
        else assertThat(r.statusCode()).isEqualTo(400);
        assertThat(send("Title: Hello\u0085Bcc: victim@example.org\n\nBody.\n".getBytes(StandardCharsets.UTF_8)).statusCode()).isIn(201, 400);
        app.delivery().campaigns().list().forEach(c -> assertThat(c.subject()).doesNotContainPattern("[\\r\\n\\u0085]"));
    }

    @Test
    void scripts_event_handlers_and_javascript_links_in_raw_html_are_removed() throws Exception {
        String md = "Title: Raw\n\n<div onclick=\"steal()\"><script>alert(1)</script><img src=x onerror=alert(2)>"
            + "<a href=\"javascript:alert(3)\">x</a><iframe src=\"https://evil.example\"></iframe></div>\n\n<svg><script>alert(4)</script></svg>\n";
        HttpResponse<String> r = send(md.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(201);
        long id = Long.parseLong(r.body().replaceAll("\\D", ""));
        String html = app.delivery().store().content(id).html().toLowerCase();
        assertThat(html).doesNotContain("<script", "onclick", "onerror", "javascript:", "<iframe", "alert(");
    }

    @Test
    void deep_nesting_a_huge_file_invalid_utf8_and_an_unterminated_comment_end_quickly_and_cleanly() {
        assertTimeoutPreemptively(QUICK, () -> {
            assertThat(send(("Title: Deep\n\n" + "> ".repeat(10_000) + "x\n").getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
            assertThat(send(("Title: Deep\n\n" + "<div>".repeat(10_000) + "x\n").getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
            assertThat(send(("Title: Deep\n\n" + "[".repeat(10_000) + "x" + "](u)".repeat(10_000)).getBytes(StandardCharsets.UTF_8)).statusCode()).isIn(201, 400);
            assertThat(send(new byte[] {'T', 'i', 't', 'l', 'e', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n', '\n', 'x'}).statusCode()).isEqualTo(400);
            HttpResponse<String> comment = send("Title: Comment\n\nBefore.\n\n<!-- an editor's note, never closed\n\nAfter.\n".getBytes(StandardCharsets.UTF_8));
            assertThat(comment.statusCode()).isIn(201, 400);
            assertThat(sendLength(50L * 1024 * 1024)).isEqualTo(413);
        });
        assertThat(app.httpPort()).isPositive();
    }

    @Test
    void render_reports_each_hostile_file_on_one_line_and_still_renders_the_good_one() throws Exception {
        Path in = Files.createDirectories(dir.resolve("issues"));
        Files.writeString(in.resolve("good.md"), "Title: Good\n\nFine.\n");
        Files.writeString(in.resolve("deep.md"), "Title: Deep\n\n" + "> ".repeat(10_000) + "x\n");
        Files.write(in.resolve("latin1.md"), "Title: Caf\u00e9\n\nx\n".getBytes(StandardCharsets.ISO_8859_1));
        try (var out = Files.newOutputStream(in.resolve("huge.md"))) {
            out.write("Title: Huge\n\n".getBytes(StandardCharsets.UTF_8));
            byte[] line = "All work and no play makes a huge issue.\n".getBytes(StandardCharsets.UTF_8);
            for (long n = 0; n < 50L * 1024 * 1024; n += line.length) out.write(line);
        }
        StringWriter err = new StringWriter();
        int[] exit = new int[1];
        assertTimeoutPreemptively(QUICK, () -> {
            var cl = Main.commandLine();
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(err));
            exit[0] = cl.execute("render", in.resolve("good.md").toString(), in.resolve("deep.md").toString(),
                in.resolve("latin1.md").toString(), in.resolve("huge.md").toString(), "--out", dir.resolve("out").toString());
        });
        assertThat(exit[0]).isEqualTo(1);
        assertThat(err.toString()).contains("deep.md", "latin1.md", "huge.md").doesNotContain("Exception", "\tat ");
        assertThat(dir.resolve("out/good/email.html")).exists();
    }

    private HttpResponse<String> send(byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/api/campaigns"))
            .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "text/markdown")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a body of the given length without building it: the server must refuse it from its length alone. */
    private int sendLength(long length) throws Exception {
        var publisher = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
            () -> new java.io.InputStream() {
                long left = length;

                @Override
                public int read() {
                    return left-- > 0 ? 'x' : -1;
                }
            }), length);
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.httpPort() + "/api/campaigns"))
                .header("Authorization", "Bearer " + ADMIN).POST(publisher).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException closedEarly) {
            return 413; // the server answered and closed before the client finished sending
        }
    }
}
