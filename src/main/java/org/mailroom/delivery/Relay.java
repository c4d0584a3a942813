package org.mailroom.delivery;

import org.mailroom.config.Config;
import org.mailroom.config.ConfigException;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code smtp.relays}: {@code host:port*weight}, the weight optional (1). Sender threads spread over
 * the relays in proportion to their weights.
 */
public record Relay(String host, int port, int weight) {
    public Relay {
        if (host.isBlank()) throw new IllegalArgumentException("relay host must not be empty");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("relay port must be 1-65535, got " + port);
        if (weight < 1) throw new IllegalArgumentException("relay weight must be at least 1, got " + weight);
    }

    /** The configured list; empty when {@code smtp.relays} is empty (then smtp.host and smtp.port are the relay). */
    public static List<Relay> from(Config c) {
        try {
            return parse(c.string("smtp.relays"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(c.source("smtp.relays") + ": smtp.relays: " + e.getMessage()
                + " (expected host:port*weight, comma-separated, e.g. 'mx1.example.org:25*2, mx2.example.org:2525')");
        }
    }

    static List<Relay> parse(String spec) {
        List<Relay> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            int star = p.lastIndexOf('*');
            int weight = star < 0 ? 1 : number(p.substring(star + 1), p);
            String hostPort = star < 0 ? p : p.substring(0, star).strip();
            int colon = hostPort.lastIndexOf(':');
            if (colon < 0) throw new IllegalArgumentException("'" + p + "' has no port");
            out.add(new Relay(hostPort.substring(0, colon).strip(), number(hostPort.substring(colon + 1), p), weight));
        }
        return List.copyOf(out);
    }

    private static int number(String s, String entry) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + entry + "': '" + s.strip() + "' is not a number");
        }
    }

    @Override
    public String toString() {
        return host + ":" + port + "*" + weight;
    }
}
