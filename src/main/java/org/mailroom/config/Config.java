package org.mailroom.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Validated configuration. Sources, later ones winning: built-in defaults ({@link Keys}),
 * {@code application.properties} in the working directory, the file given with {@code --config},
 * then environment variables {@code MAILROOM_*}. Unknown keys and malformed values are errors that
 * name the key and the source; secrets never appear in messages.
 */
public final class Config {
    private final Map<String, String> values;
    private final Map<String, String> sources;

    private Config(Map<String, String> values, Map<String, String> sources) {
        this.values = values;
        this.sources = sources;
    }

    /** Loads from the working directory, the optional {@code --config} file and the environment. */
    public static Config load(Path configFile, Map<String, String> environment) {
        Builder b = new Builder();
        Path local = Path.of("application.properties");
        if (Files.isRegularFile(local)) b.file(local);
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) throw new ConfigException("--config " + configFile + ": no such file");
            b.file(configFile);
        }
        b.environment(environment);
        return b.build();
    }

    /** Defaults plus the given overrides; for tests and embedding. */
    public static Config of(Map<String, String> overrides) {
        Builder b = new Builder();
        overrides.forEach((k, v) -> b.set(k, v, "code"));
        return b.build();
    }

    /** A copy with one more value set (validated like any other). */
    public Config with(String key, String value) {
        Builder b = new Builder();
        b.values.putAll(values);
        b.sources.putAll(sources);
        b.set(key, value, "code");
        return b.build();
    }

    public String string(String key) {
        return values.get(known(key).name());
    }

    public int integer(String key) {
        return Integer.parseInt(string(key).trim());
    }

    public double decimal(String key) {
        return Double.parseDouble(string(key).trim());
    }

    public boolean bool(String key) {
        return Boolean.parseBoolean(string(key).trim());
    }

    /** A URL value without a trailing slash, or {@code null} when empty. */
    public URI url(String key) {
        String v = string(key).trim();
        if (v.isEmpty()) return null;
        while (v.endsWith("/")) v = v.substring(0, v.length() - 1);
        return URI.create(v);
    }

    public boolean isSet(String key) {
        return !string(key).isBlank();
    }

    /** Where a key's value came from: "default", a file path or an environment variable. */
    public String source(String key) {
        return sources.getOrDefault(key, "default");
    }

    private static Key known(String key) {
        Key k = Keys.get(key);
        if (k == null) throw new IllegalArgumentException("not a configuration key: " + key);
        return k;
    }

    private static final class Builder {
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, String> sources = new LinkedHashMap<>();

        Builder() {
            for (Key k : Keys.ALL) values.put(k.name(), k.defaultValue());
        }

        void file(Path path) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(path);
                 Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException(path + ": cannot read: " + e.getMessage());
            }
            for (String name : p.stringPropertyNames()) set(name, p.getProperty(name), path.toString());
        }

        void environment(Map<String, String> env) {
            Map<String, Key> byVariable = new LinkedHashMap<>();
            for (Key k : Keys.ALL) byVariable.put(k.environmentVariable(), k);
            for (var e : env.entrySet()) {
                if (!e.getKey().startsWith("MAILROOM_")) continue;
                Key k = byVariable.get(e.getKey());
                if (k == null) throw new ConfigException("environment variable " + e.getKey() + ": not a Mailroom setting");
                set(k.name(), e.getValue(), "environment variable " + e.getKey());
            }
        }

        void set(String name, String value, String source) {
            Key k = Keys.get(name);
            if (k == null) throw new ConfigException(source + ": unknown key '" + name + "'");
            String v = value == null ? "" : value.trim();
            validate(k, v, source);
            values.put(name, v);
            sources.put(name, source);
        }

        Config build() {
            return new Config(Map.copyOf(values), Map.copyOf(sources));
        }

        private static void validate(Key k, String v, String source) {
            String where = source + ": " + k.name();
            switch (k.type()) {
                case INT -> {
                    try {
                        if (Integer.parseInt(v) < 0) throw new ConfigException(where + " must not be negative, got " + v);
                    } catch (NumberFormatException e) {
                        throw new ConfigException(where + " must be a whole number, got '" + v + "'");
                    }
                }
                case DECIMAL -> {
                    try {
                        double d = Double.parseDouble(v);
                        if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) throw new ConfigException(where + " must be a number of 0 or more, got " + v);
                    } catch (NumberFormatException e) {
                        throw new ConfigException(where + " must be a number, got '" + v + "'");
                    }
                }
                case BOOLEAN -> {
                    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) throw new ConfigException(where + " must be true or false, got '" + v + "'");
                }
                case URL -> {
                    if (v.isEmpty()) return;
                    try {
                        URI u = new URI(v);
                        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null)
                            throw new ConfigException(where + " must be an http:// or https:// URL, got '" + v + "'");
                    } catch (URISyntaxException e) {
                        throw new ConfigException(where + " is not a URL: " + e.getMessage());
                    }
                }
                case STRING, SECRET -> {
                    if (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) throw new ConfigException(where + " must be one line");
                }
            }
        }
    }
}
