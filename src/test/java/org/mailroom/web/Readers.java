package org.mailroom.web;

import org.mailroom.App;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;

/** Confirmed subscribers written straight into the list: a campaign needs an audience, not a signup flow. */
final class Readers {
    private Readers() {}

    static void add(App app, int n) {
        app.database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscriber (email, email_key, name, status, created_at, updated_at) VALUES (?, ?, ?, 'confirmed', ?, ?)")) {
                var now = Instant.now().atOffset(ZoneOffset.UTC);
                for (int i = 0; i < n; i++) {
                    String e = "reader" + i + "@example.com";
                    ps.setString(1, e);
                    ps.setString(2, e);
                    ps.setString(3, "Reader " + i);
                    ps.setObject(4, now);
                    ps.setObject(5, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }
}
