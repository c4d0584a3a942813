package org.mailroom.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.Main;
import org.mailroom.config.Config;
import org.mailroom.db.Database;
import org.mailroom.delivery.FakeSmtpServer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** A temporary H2 file with subscribers, a capturing SMTP server and a config file pointing at both. */
abstract class SendCommandTestBase {
    @TempDir
    Path dir;
    FakeSmtpServer smtp;
    Path configFile;
    Path issue;

    record Result(int exit, String out, String err) {
        String lastLine() {
            String[] l = out.strip().split("\n");
            return l[l.length - 1].strip();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        smtp = new FakeSmtpServer(0, true);
        configFile = dir.resolve("test.properties");
        Files.writeString(configFile, String.join("\n",
            "db.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
            "data.dir=" + dir.toAbsolutePath(),
            "smtp.host=127.0.0.1",
            "smtp.port=" + smtp.port(),
            "security.secret=0123456789abcdef0123456789abcdef",
            "base.url=https://news.example.org", ""));
        issue = dir.resolve("issue-7.md");
        Files.writeString(issue, "Title: Issue Seven\n\nHello.\n");
        subscribers(25);
    }

    @AfterEach
    void tearDown() throws Exception {
        smtp.close();
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    Config config() {
        return Config.load(configFile, Map.of());
    }

    void subscribers(int n) {
        try (Database db = Database.open(config())) {
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscriber (email, email_key, status, created_at, updated_at) VALUES (?, ?, 'confirmed', ?, ?)")) {
                    for (int i = 0; i < n; i++) {
                        ps.setString(1, "reader" + i + "@example.com");
                        ps.setString(2, "reader" + i + "@example.com");
                        ps.setObject(3, Instant.now().atOffset(ZoneOffset.UTC));
                        ps.setObject(4, Instant.now().atOffset(ZoneOffset.UTC));
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                }
            });
        }
    }
}
