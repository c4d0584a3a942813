package org.mailroom.delivery;

import org.mailroom.db.Database;
import org.mailroom.db.NamedQueries;
import org.mailroom.issue.EmailContent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.mailroom.delivery.Sql.bind;
import static org.mailroom.delivery.Sql.instant;

/** Campaign rows, their counts, the delivery log and the node heartbeats. The only JDBC code besides {@link DeliveryStore}. */
public final class CampaignStore {
    private final Database db;
    private final NamedQueries q;

    public CampaignStore(Database db) {
        this.db = db;
        this.q = db.queries("delivery");
    }

    Database database() {
        return db;
    }

    NamedQueries queries() {
        return q;
    }

    public long insert(String sourceFile, EmailContent content, CampaignStatus status, Instant at) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(q.get("insert-campaign"), Statement.RETURN_GENERATED_KEYS)) {
                bind(ps, sourceFile, content.subject(), content.html(), content.text(), status.db(), at, Instant.now());
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public Optional<Campaign> find(long id) {
        return db.withConnection(c -> {
            List<Campaign> l = campaigns(c, q.get("campaign-by-id"), id);
            return l.stream().findFirst();
        });
    }

    public List<Campaign> all() {
        return db.withConnection(c -> campaigns(c, q.get("campaigns-all")));
    }

    private static List<Campaign> campaigns(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<Campaign> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Campaign(rs.getLong(1), rs.getString(2), rs.getString(3), CampaignStatus.of(rs.getString(4)),
                        instant(rs, 5), instant(rs, 6), instant(rs, 7), instant(rs, 8), rs.getInt(9)));
                }
            }
            return out;
        }
    }

    /** The rendered issue as stored when the campaign was created (warnings are not kept). */
    public EmailContent content(long id) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(q.get("campaign-content"))) {
                bind(ps, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new NoSuchCampaignException(id);
                    return new EmailContent(rs.getString(1), rs.getString(2), rs.getString(2), rs.getString(3), List.of());
                }
            }
        });
    }

    public List<Long> idsWithStatus(CampaignStatus status) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(q.get("campaign-ids-by-status"))) {
                bind(ps, status.db());
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) ids.add(rs.getLong(1));
                }
                return ids;
            }
        });
    }

    /** Moves a campaign from one status to another; false when it was not in {@code from}. */
    public boolean transition(long id, CampaignStatus from, CampaignStatus to) {
        return update("campaign-set-status", to.db(), id, from.db()) == 1;
    }

    public boolean finishIfDone(long id) {
        return update("campaign-finish", Instant.now(), id, id) == 1;
    }

    public Map<String, Long> countsByState(long id) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(q.get("delivery-counts"))) {
                bind(ps, id);
                Map<String, Long> m = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) m.put(rs.getString(1), rs.getLong(2));
                }
                return m;
            }
        });
    }

    public Optional<Progress> progress(long id) {
        return find(id).map(c -> Progress.of(c, countsByState(id)));
    }

    /** A campaign-level line in the delivery log (started, late, relay down, finished...). */
    public void event(long campaignId, String outcome, String detail) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(q.get("insert-event"))) {
                bind(ps, Instant.now(), campaignId, null, null, outcome, Sql.clip(detail), false);
                return ps.executeUpdate();
            }
        });
    }

    /** A recipient-level line written inside the caller's transaction (a bounce recorded next to its send). */
    public void event(java.sql.Connection c, long campaignId, Long subscriberId, String email, String outcome, String detail) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(q.get("insert-event"))) {
            bind(ps, Instant.now(), campaignId, subscriberId, email, outcome, Sql.clip(detail), false);
            ps.executeUpdate();
        }
    }

    /** Log lines after {@code afterId}, oldest first; {@code campaignId} 0 means all campaigns. */
    public List<LogEntry> events(long campaignId, long afterId, int limit) {
        return db.withConnection(c -> {
            String sql = q.get(campaignId == 0 ? "events-after" : "events-after-for-campaign");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (campaignId == 0) bind(ps, afterId, limit);
                else bind(ps, campaignId, afterId, limit);
                List<LogEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new LogEntry(rs.getLong(1), instant(rs, 2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7)));
                }
                return out;
            }
        });
    }

    int update(String query, Object... args) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(q.get(query))) {
                bind(ps, args);
                return ps.executeUpdate();
            }
        });
    }

    long count(String query, Object... args) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(q.get(query))) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
