package org.mailroom.web;

import java.util.HashMap;
import java.util.Map;

/** Reads Prometheus text exposition: every sample line {@code name{labels} value}; fails on any line it cannot read. */
final class Prometheus {
    private Prometheus() {}

    static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) continue;
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) continue;
            if (line.startsWith("#")) throw new AssertionError("not Prometheus text: " + line);
            int space = line.lastIndexOf(' ');
            String key = line.substring(0, space);
            if (!key.matches("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*})?"))
                throw new AssertionError("not a Prometheus sample: " + line);
            samples.put(key, Double.parseDouble(line.substring(space + 1).replace("+Inf", "Infinity")));
        }
        return samples;
    }
}
