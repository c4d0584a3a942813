package org.mailroom.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The process the crash test kills: sends the campaign on the given database to the given SMTP port until it ends. */
public final class CrashChild {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        long campaign = Long.parseLong(args[2]);
        try (Fixture f = new Fixture(dir, port, Map.of("delivery.rate", args[3])); Delivery d = f.delivery()) {
            Sender s = d.sendHere();
            s.awaitIdle(campaign, Duration.ofMinutes(5));
        }
        System.exit(0);
    }
}
