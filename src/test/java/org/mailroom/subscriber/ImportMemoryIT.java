package org.mailroom.subscriber;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.config.Config;
import org.mailroom.db.Database;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The import streams: its memory does not grow with the file. */
class ImportMemoryIT {
    @TempDir
    Path dir;

    @Test
    void memory_does_not_grow_with_the_file() throws Exception {
        // Heap "in use" in this JVM counts garbage not yet collected; a small heap in a child JVM does not lie:
        // 300,000 rows (about 9 MB of CSV, 60 MB and more if rows were kept) must import within 64 MB of heap, H2's page cache included.
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-XX:+UseSerialGC",
            "-cp", System.getProperty("java.class.path"), ImportInSmallHeap.class.getName(),
            dir.resolve("small-heap").toAbsolutePath().toString(), "300000")
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("added 300000");
    }

    /** Imports generated rows in the JVM it runs in; started with a small heap by the test above. */
    public static final class ImportInSmallHeap {
        public static void main(String[] args) {
            long rows = Long.parseLong(args[1]);
            InputStream generated = new InputStream() {
                long row = -1;
                byte[] line = "email,name\n".getBytes();
                int pos;

                @Override
                public int read() {
                    if (pos == line.length) {
                        if (++row >= rows) return -1;
                        line = ("m" + row + "@example.org,Reader " + row + "\n").getBytes();
                        pos = 0;
                    }
                    return line[pos++];
                }
            };
            try (Database db = Database.open(Config.of(Map.of("db.url", "jdbc:h2:file:" + args[0] + "/db")))) {
                Importer.Result r = new Importer(new SubscriberStore(db), Clock.systemUTC()).importCsv(generated, "gen.csv", new Importer.Listener() {
                    public void rejected(Importer.Rejected x) {}

                    public void progress(long n) {}
                });
                System.out.println("added " + r.added());
            }
        }
    }

}
