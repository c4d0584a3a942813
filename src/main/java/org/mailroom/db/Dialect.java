package org.mailroom.db;

/** The two databases Mailroom runs on. Each names its folder of migrations and of query overrides. */
public enum Dialect {
    H2("h2"), POSTGRESQL("postgresql");

    public final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) return H2;
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new DatabaseException("db.url: only jdbc:h2: and jdbc:postgresql: URLs are supported, got " + jdbcUrl.split(";")[0]);
    }
}
