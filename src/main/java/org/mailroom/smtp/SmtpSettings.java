package org.mailroom.smtp;

import org.mailroom.config.Config;
import org.mailroom.config.ConfigException;

/**
 * Where and how to reach the SMTP relay.
 *
 * @param host     relay host, or {@code embedded} for the in-process server
 * @param port     relay port
 * @param username AUTH user, empty for none
 * @param password AUTH password (never logged)
 * @param tls      transport security
 * @param timeoutMillis connect, read and write timeout
 * @param helo     name for EHLO, empty for the local host name
 */
public record SmtpSettings(String host, int port, String username, String password, Tls tls, int timeoutMillis, String helo) {
    public enum Tls { OFF, STARTTLS, REQUIRED }

    public static SmtpSettings from(Config c) {
        Tls tls = switch (c.string("smtp.tls").toLowerCase(java.util.Locale.ROOT)) {
            case "off", "" -> Tls.OFF;
            case "starttls" -> Tls.STARTTLS;
            case "required" -> Tls.REQUIRED;
            default -> throw new ConfigException(c.source("smtp.tls") + ": smtp.tls must be off, starttls or required, got '" + c.string("smtp.tls") + "'");
        };
        String host = c.string("smtp.host");
        if (host.isBlank()) throw new ConfigException(c.source("smtp.host") + ": smtp.host must not be empty (use 'embedded' for the in-process server)");
        return new SmtpSettings(host, c.integer("smtp.port"), c.string("smtp.username"), c.string("smtp.password"), tls,
            c.integer("smtp.timeout-seconds") * 1000, c.string("smtp.helo"));
    }

    public boolean embedded() {
        return "embedded".equalsIgnoreCase(host);
    }

    /** The same settings pointing at another host and port (the embedded server once it listens). */
    public SmtpSettings at(String newHost, int newPort) {
        return new SmtpSettings(newHost, newPort, username, password, tls, timeoutMillis, helo);
    }

    @Override
    public String toString() {
        return "smtp://" + (username.isEmpty() ? "" : username + "@") + host + ":" + port + " (tls " + tls.name().toLowerCase() + ")";
    }
}
