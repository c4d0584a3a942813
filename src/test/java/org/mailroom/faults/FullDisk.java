package org.mailroom.faults;

import org.h2.store.fs.Recorder;
import org.h2.store.fs.rec.FilePathRec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A disk that fills up and empties again under the database. Where the machine lets us mount (root), a real tmpfs
 * filled with a filler file, so H2 meets a genuine ENOSPC (large enough for the database itself: H2's file grows by
 * tens of MB in the first minute of a campaign); elsewhere H2's recording file system with every
 * write refused with the same error, so the suite runs anywhere.
 */
abstract class FullDisk implements AutoCloseable {
    /** The JDBC URL of a database on this disk. */
    abstract String dbUrl();

    abstract void fill() throws IOException;

    abstract void free() throws IOException;

    abstract String kind();

    /** A tmpfs when mounting works here, otherwise a database that refuses writes. */
    static FullDisk at(Path dir, boolean preferTmpfs) throws Exception {
        if (preferTmpfs) {
            Path mount = dir.resolve("disk");
            Files.createDirectories(mount);
            if (run("mount", "-t", "tmpfs", "-o", "size=512m", "tmpfs", mount.toString())) return new Tmpfs(mount);
        }
        return new RefusingWrites(dir.resolve("db"));
    }

    static boolean run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** A real small tmpfs: fill writes a filler file until the kernel says no space is left. */
    static final class Tmpfs extends FullDisk {
        private final Path mount;

        Tmpfs(Path mount) {
            this.mount = mount;
        }

        String dbUrl() {
            return "jdbc:h2:file:" + mount.resolve("db").toAbsolutePath();
        }

        String kind() {
            return "512 MB tmpfs filled up";
        }

        void fill() throws IOException {
            byte[] block = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(mount.resolve("filler"))) {
                while (true) out.write(block);
            } catch (IOException expected) {
                // ENOSPC: the disk is full
            }
        }

        void free() throws IOException {
            Files.deleteIfExists(mount.resolve("filler"));
        }

        @Override
        public void close() throws Exception {
            run("umount", "-l", mount.toString());
        }
    }

    /** H2's recording file system, refusing every write with "No space left on device" while full. */
    static final class RefusingWrites extends FullDisk implements Recorder {
        private final Path file;
        private volatile boolean full;

        RefusingWrites(Path file) {
            this.file = file;
            FilePathRec.register();
            FilePathRec.setRecorder(this);
        }

        String dbUrl() {
            return "jdbc:h2:rec:" + file.toAbsolutePath() + ";AUTO_SERVER=FALSE";
        }

        String kind() {
            return "database refusing writes";
        }

        void fill() {
            full = true;
        }

        void free() {
            full = false;
        }

        @Override
        public void log(int op, String fileName, byte[] data, long x) {
            if (full && op != DELETE) sneaky(new IOException("No space left on device"));
        }

        @SuppressWarnings("unchecked")
        private static <E extends Throwable> void sneaky(Throwable e) throws E {
            throw (E) e;
        }

        @Override
        public void close() {
            full = false;
            FilePathRec.setRecorder(null);
        }
    }
}
