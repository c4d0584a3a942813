-- What the operator's pages, /metrics and the public archive read. Read-only; portable to H2 2.x and PostgreSQL.

-- The delivery log, newest first, one page before a saved id (keyset: no OFFSET however deep the page).
-- Filters: '' for any outcome, '%' for any recipient, the widest times for any time.
-- name: log-page
SELECT id, at, campaign_id, email, outcome, detail, possible_duplicate
FROM delivery_event
WHERE id < ? AND (? = '' OR outcome = ?) AND (? = '%' OR LOWER(email) LIKE ?) AND at >= ? AND at < ?
  AND (? = 0 OR campaign_id = ?)
ORDER BY id DESC
FETCH FIRST ? ROWS ONLY

-- Messages per minute of one campaign, for its chart.
-- name: sends-per-minute
SELECT DATE_TRUNC('MINUTE', at) AS per_minute, COUNT(*) AS messages
FROM delivery_event
WHERE campaign_id = ? AND subscriber_id IS NOT NULL AND outcome IN ('sent', 'deferred', 'failed')
GROUP BY DATE_TRUNC('MINUTE', at)
ORDER BY 1

-- Messages sent by each campaign since a moment: the current rate.
-- name: sent-since
SELECT campaign_id, COUNT(*) FROM delivery_event WHERE outcome = 'sent' AND at >= ? GROUP BY campaign_id

-- name: delivery-states
SELECT campaign_id, state, COUNT(*) FROM delivery GROUP BY campaign_id, state

-- name: queue-depth
SELECT COUNT(*) FROM delivery WHERE state IN ('queued', 'sending', 'deferred')

-- name: bounce-kinds
SELECT kind, COUNT(*) FROM bounce GROUP BY kind

-- Issues readers may see: those that started going out, newest first.
-- name: archive-list
SELECT id, issue_number, issue_date, subject, started_at
FROM campaign WHERE status IN ('sending', 'paused', 'finished') AND issue_number IS NOT NULL
ORDER BY started_at DESC, id DESC
FETCH FIRST ? ROWS ONLY

-- name: archive-issue
SELECT id, issue_number, issue_date, subject, started_at, html
FROM campaign WHERE status IN ('sending', 'paused', 'finished') AND issue_number = ?
ORDER BY id DESC
FETCH FIRST 1 ROWS ONLY

-- name: subscriber-search
SELECT id, email, name, status, created_at
FROM subscriber WHERE email_key LIKE ? AND id > ?
ORDER BY id
FETCH FIRST ? ROWS ONLY

-- name: subscriber-sends
SELECT id, at, campaign_id, email, outcome, detail, possible_duplicate
FROM delivery_event WHERE subscriber_id = ? ORDER BY id DESC FETCH FIRST 200 ROWS ONLY

-- name: subscriber-bounces
SELECT received_at, campaign_id, kind, status_code, reason, source
FROM bounce WHERE subscriber_id = ? ORDER BY received_at DESC, id DESC FETCH FIRST 100 ROWS ONLY
