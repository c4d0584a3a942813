package org.mailroom.config;

/**
 * One configuration property: its name, the default used when no source sets it, its type and what it means.
 * The README's configuration table is generated from the same list ({@code Keys.ALL}).
 */
public record Key(String name, String defaultValue, Type type, String description) {
    public enum Type { STRING, INT, DECIMAL, BOOLEAN, URL, SECRET }

    /** The environment variable that overrides this key: {@code smtp.tls} is read from {@code MAILROOM_SMTP_TLS}. */
    public String environmentVariable() {
        return "MAILROOM_" + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
