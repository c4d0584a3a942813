-- Bounces and complaints. The subscriber updates are the bounce feature's rules; the table is the subscribers feature's.

-- name: report-seen
SELECT outcome FROM bounce_report_seen WHERE report_id = ?

-- name: mark-report-seen
INSERT INTO bounce_report_seen (report_id, outcome, seen_at) VALUES (?, ?, ?)

-- name: subscriber-by-id
SELECT id, email, status FROM subscriber WHERE id = ?

-- name: subscriber-by-email
SELECT id, email, status FROM subscriber WHERE email_key = ?

-- name: insert-bounce
INSERT INTO bounce (subscriber_id, email, campaign_id, kind, status_code, reason, source, report_id, received_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)

-- name: mark-bounced
-- (Statuses as what they are not, so H2 finds the row by its key: see subscribers.sql, unsubscribe.)
-- A hard bounce, or the soft threshold reached: only a reader still on the list leaves it; an unsubscribe stays one.
UPDATE subscriber SET status = 'bounced', bounce_count = bounce_count + 1, left_at = ?, left_source = 'bounce', updated_at = ?
WHERE id = ? AND status NOT IN ('unsubscribed', 'bounced', 'complained')

-- name: mark-complained
-- A complaint outranks a bounce (never mail them again, even after an address is repaired), not an unsubscribe.
UPDATE subscriber SET status = 'complained', left_at = ?, left_source = 'complaint', updated_at = ?
WHERE id = ? AND status NOT IN ('unsubscribed', 'complained')

-- name: count-soft-bounce
-- One count per campaign: a delay warning and the final failure of the same message are one problem, not two.
UPDATE subscriber SET bounce_count = bounce_count + 1, updated_at = ?
WHERE id = ? AND NOT EXISTS (
    SELECT 1 FROM bounce b WHERE b.subscriber_id = ? AND b.campaign_id = ? AND b.kind = 'soft' AND b.id <> ?)

-- name: mark-bounced-at-threshold
UPDATE subscriber SET status = 'bounced', left_at = ?, left_source = 'bounce', updated_at = ?
WHERE id = ? AND status NOT IN ('unsubscribed', 'bounced', 'complained') AND bounce_count >= ?

-- name: insert-unrecognised
INSERT INTO unrecognised_report (report_id, received_at, sender, subject, why, raw, raw_size) VALUES (?, ?, ?, ?, ?, ?, ?)

-- name: recent-unrecognised
SELECT id, report_id, received_at, sender, subject, why, raw_size FROM unrecognised_report ORDER BY received_at DESC, id DESC
FETCH FIRST ? ROWS ONLY

-- name: unrecognised-raw
SELECT raw FROM unrecognised_report WHERE id = ?

-- name: recent-bounces-of-subscriber
SELECT id, subscriber_id, email, campaign_id, kind, status_code, reason, source, report_id, received_at
FROM bounce WHERE subscriber_id = ? ORDER BY received_at DESC, id DESC FETCH FIRST ? ROWS ONLY

-- name: counts-per-campaign
-- Distinct recipients per kind: a report delivered twice, or a delay then a failure, counts once.
SELECT campaign_id,
       COUNT(DISTINCT CASE WHEN kind = 'hard' THEN recipient END) AS hard,
       COUNT(DISTINCT CASE WHEN kind = 'soft' THEN recipient END) AS soft,
       COUNT(DISTINCT CASE WHEN kind = 'complaint' THEN recipient END) AS complaints
FROM (SELECT campaign_id, kind, COALESCE(CAST(subscriber_id AS VARCHAR(20)), LOWER(email)) AS recipient
      FROM bounce WHERE campaign_id IS NOT NULL) per_recipient
GROUP BY campaign_id ORDER BY campaign_id DESC

-- name: counts-by-kind
SELECT kind, COUNT(*) AS n FROM bounce GROUP BY kind
