package org.mailroom.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.Main;
import org.mailroom.config.Config;
import org.mailroom.db.Database;
import org.mailroom.subscriber.SubscriberStore;

import java.io.BufferedWriter;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code subscribers import} killed with SIGKILL in the middle: the list has none of the file, and importing again adds all. */
class ImportCrashIT {
    static final int ROWS = 200_000;

    @TempDir
    Path dir;

    @Test
    void an_import_killed_midway_leaves_nothing_half_imported() throws Exception {
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("email,name\n");
            for (int i = 0; i < ROWS; i++) w.write("m" + i + "@example.org,Reader " + i + "\n");
        }
        Path config = dir.resolve("mailroom.properties");
        Files.writeString(config, "db.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + "\ndata.dir=" + dir + "\n");
        assertThat(total(config)).isZero();
        Process p = importing(csv, config, "killed");
        Path dbFile = dir.resolve("db.mv.db");
        long before = Files.size(dbFile);
        long end = System.currentTimeMillis() + 60_000;
        // killed once rows are being written: the database file grows during the import's one transaction
        while (p.isAlive() && Files.size(dbFile) < before + 2_000_000 && System.currentTimeMillis() < end) Thread.sleep(20);
        assertThat(p.isAlive()).as("import still running when killed").isTrue();
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
        assertThat(total(config)).as("subscribers after the kill").isZero();
        Process again = importing(csv, config, "again");
        assertThat(again.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(again.exitValue()).isZero();
        assertThat(total(config)).isEqualTo(ROWS);
    }

    private long total(Path config) {
        try (Database db = Database.open(Config.load(config, Map.of()))) {
            return new SubscriberStore(db).countByStatus().values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private Process importing(Path csv, Path config, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
            "subscribers", "import", csv.toString(), "--config", config.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File(dir.toFile(), name + ".log"));
        return pb.start();
    }
}
