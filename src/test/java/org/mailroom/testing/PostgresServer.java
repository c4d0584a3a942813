package org.mailroom.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server from Debian's packages: initdb into a temporary folder, started with
 * pg_ctl as the {@code postgres} user on a free loopback port, trust authentication, removed on close.
 * Tests that need it call {@link #available()} first and skip when the binaries are missing.
 */
public final class PostgresServer implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The bin folder of the newest installed PostgreSQL, or null. */
    public static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) return null;
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                .filter(b -> Files.isExecutable(b.resolve("pg_ctl")) && Files.isExecutable(b.resolve("initdb")))
                .max(Comparator.comparing(p -> Integer.parseInt(p.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    public static boolean available() {
        return binaries() != null && runAsPostgres(List.of("true")) == 0;
    }

    public static PostgresServer start() throws Exception {
        Path bin = binaries();
        if (bin == null) throw new IllegalStateException("PostgreSQL is not installed (apt-get install postgresql)");
        Path dir = Files.createTempDirectory("mailroom-pg-");
        chown(dir);
        int port = freePort();
        check(runAsPostgres(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
            "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync")), "initdb");
        check(runAsPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
            "-l", dir.resolve("log").toString(), "-w", "-t", "60",
            "-o", "-p " + port + " -h 127.0.0.1 -k " + dir + " -c fsync=off -c synchronous_commit=off -c max_connections=200",
            "start")), "pg_ctl start");
        PostgresServer s = new PostgresServer(bin, dir, port);
        return s;
    }

    /** Creates a fresh database and returns its JDBC URL. */
    public String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        runAsPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }

    private static int runAsPostgres(List<String> command) {
        List<String> cmd = new ArrayList<>();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        cmd.addAll(command);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void chown(Path dir) throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) return;
        Process p = new ProcessBuilder("chown", "postgres:postgres", dir.toString()).inheritIO().start();
        check(p.waitFor(), "chown");
    }

    private static void check(int rc, String what) {
        if (rc != 0) throw new IllegalStateException(what + " failed with exit code " + rc);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * One server for a test class: {@code @RegisterExtension static final PostgresServer.PerClass pg = new PostgresServer.PerClass();}
     * starts it before the class's tests (which are skipped when PostgreSQL is not installed) and removes it after.
     */
    public static final class PerClass implements org.junit.jupiter.api.extension.BeforeAllCallback, org.junit.jupiter.api.extension.AfterAllCallback {
        private PostgresServer server;

        @Override
        public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
            org.junit.jupiter.api.Assumptions.assumeTrue(available(), "PostgreSQL binaries not installed");
            server = start();
        }

        @Override
        public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) {
            if (server != null) server.close();
            server = null;
        }

        /** A new database on the class's server; its JDBC URL. */
        public String createDatabase(String name) throws SQLException {
            return server.createDatabase(name);
        }
    }
}
