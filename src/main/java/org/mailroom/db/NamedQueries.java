package org.mailroom.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * SQL kept in files, one file per feature under {@code src/main/resources/sql/}, each query headed by
 * {@code -- name: some-query}. A file of the same name under {@code sql/<dialect>/} overrides single
 * queries for that database. Loaded at start: a missing file or name stops start-up.
 */
public final class NamedQueries {
    private final String file;
    private final Map<String, String> queries;

    private NamedQueries(String file, Map<String, String> queries) {
        this.file = file;
        this.queries = queries;
    }

    public static NamedQueries load(String feature, Dialect dialect) {
        Map<String, String> q = parse(read("sql/" + feature + ".sql", true), feature);
        String override = read("sql/" + dialect.folder + "/" + feature + ".sql", false);
        if (override != null) q.putAll(parse(override, dialect.folder + "/" + feature));
        return new NamedQueries(feature + ".sql", Map.copyOf(q));
    }

    public String get(String name) {
        String sql = queries.get(name);
        if (sql == null) throw new DatabaseException("sql/" + file + ": no query named '" + name + "'");
        return sql;
    }

    /** Every query's name: lets a test check each one against a real database. */
    public java.util.Set<String> names() {
        return queries.keySet();
    }

    static Map<String, String> parse(String text, String file) {
        Map<String, String> out = new HashMap<>();
        String name = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("-- name:")) {
                if (name != null) out.put(name, sql.toString().strip());
                name = t.substring("-- name:".length()).strip();
                if (out.containsKey(name)) throw new DatabaseException("sql/" + file + ".sql: query '" + name + "' defined twice");
                sql.setLength(0);
            } else if (name != null && !t.startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        if (name != null) out.put(name, sql.toString().strip());
        return out;
    }

    private static String read(String resource, boolean required) {
        try (InputStream in = NamedQueries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                if (required) throw new DatabaseException("missing query file " + resource);
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatabaseException("cannot read " + resource, e);
        }
    }
}
