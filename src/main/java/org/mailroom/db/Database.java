package org.mailroom.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.mailroom.config.Config;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The connection pool and the schema. Opening it runs the migrations under {@code db/common} and
 * {@code db/<dialect>}. An H2 file database is opened in auto-server mode, so the command line works
 * beside a running {@code serve}.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final String displayUrl;

    private Database(HikariDataSource dataSource, Dialect dialect, String displayUrl) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.displayUrl = displayUrl;
    }

    public static Database open(Config config) {
        String url = config.string("db.url");
        Dialect dialect = Dialect.of(url);
        String jdbcUrl = dialect == Dialect.H2 ? h2Url(url) : url;
        String display = url.split(";")[0].replaceAll("//[^@/]*@", "//");
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        hc.setUsername(config.string("db.username"));
        hc.setPassword(config.string("db.password"));
        hc.setMaximumPoolSize(Math.max(2, config.integer("db.pool-size")));
        hc.setPoolName("mailroom-db");
        hc.setConnectionTimeout(15_000);
        hc.setInitializationFailTimeout(15_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new DatabaseException("cannot open database " + display + ": " + rootMessage(e), e);
        }
        Database db = new Database(ds, dialect, display);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return db;
    }

    /** H2 file URLs get AUTO_SERVER so that a second process can connect while serve holds the file. */
    static String h2Url(String url) {
        String u = url;
        if (u.startsWith("jdbc:h2:file:") || (u.startsWith("jdbc:h2:") && !u.startsWith("jdbc:h2:mem:") && !u.startsWith("jdbc:h2:tcp:"))) {
            if (!u.toUpperCase().contains("AUTO_SERVER")) u += ";AUTO_SERVER=TRUE";
        }
        return u;
    }

    private void migrate() {
        try {
            Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/common", "classpath:db/" + dialect.folder)
                .table("schema_history")
                .load()
                .migrate();
        } catch (FlywayException e) {
            throw new DatabaseException("migrating database " + displayUrl + " failed: " + rootMessage(e), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    public NamedQueries queries(String feature) {
        return NamedQueries.load(feature, dialect);
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws. A transaction the
     * database rolled back as a deadlock victim or serialization failure (SQLState 40001, PostgreSQL's 40P01) is
     * run again, a few times: the work saw nothing of the rolled-back attempt, so running it again is safe.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (SQLException e) {
                if (!retryable(e) || attempt >= MAX_ATTEMPTS) throw new DatabaseException("database " + displayUrl + ": " + e.getMessage(), e);
                pause(attempt);
            }
        }
    }

    private static final int MAX_ATTEMPTS = 5;

    private <T> T once(SqlWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    static boolean retryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState()))) return true;
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs work on a connection in auto-commit mode. */
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseException("database " + displayUrl + ": " + e.getMessage(), e);
        }
    }

    public String displayUrl() {
        return displayUrl;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage().lines().findFirst().orElse("");
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
