-- Campaigns, deliveries, the delivery log and sender nodes. Portable SQL (H2 and PostgreSQL);
-- sql/postgresql/delivery.sql overrides the claim to skip rows other nodes hold.

-- name: insert-campaign
INSERT INTO campaign (source_file, subject, html, text_body, status, scheduled_at, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?)

-- name: campaign-by-id
SELECT id, source_file, subject, status, scheduled_at, created_at, started_at, finished_at, audience
FROM campaign WHERE id = ?

-- name: campaigns-all
SELECT id, source_file, subject, status, scheduled_at, created_at, started_at, finished_at, audience
FROM campaign ORDER BY id

-- name: campaign-content
SELECT subject, html, text_body FROM campaign WHERE id = ?

-- name: campaign-ids-by-status
SELECT id FROM campaign WHERE status = ? ORDER BY id

-- name: campaign-set-status
UPDATE campaign SET status = ? WHERE id = ? AND status = ?

-- name: campaign-start
UPDATE campaign SET status = 'sending', started_at = ? WHERE id = ? AND status = 'scheduled'

-- name: campaign-set-audience
UPDATE campaign SET audience = ? WHERE id = ?

-- name: campaign-finish
UPDATE campaign SET status = 'finished', finished_at = ?
WHERE id = ? AND status = 'sending'
  AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.campaign_id = ? AND d.state IN ('queued', 'sending', 'deferred'))

-- name: campaign-finish-cancelled
UPDATE campaign SET finished_at = ? WHERE id = ? AND finished_at IS NULL

-- The audience is fixed here, in one statement, however large the list.
-- name: audience-insert
INSERT INTO delivery (campaign_id, subscriber_id, state, attempts, next_attempt_at, possible_duplicate, updated_at)
SELECT ?, s.id, 'queued', 0, ?, FALSE, ? FROM subscriber s WHERE s.status = 'confirmed'

-- name: deliveries-cancel
UPDATE delivery SET state = 'cancelled', updated_at = ?
WHERE campaign_id = ? AND state IN ('queued', 'deferred')

-- name: delivery-counts
SELECT state, COUNT(*) FROM delivery WHERE campaign_id = ? GROUP BY state

-- Due rows of one campaign in one state, in index order. The subscriber's status is read here so that
-- an unsubscribe takes effect mid-campaign; a deleted subscriber has none and is skipped.
-- ORDER BY names the whole index prefix (campaign and state are fixed, so the order is the same): only then
-- does H2 read the index in order and stop at LIMIT; ordered by next_attempt_at alone it read and sorted every
-- remaining row of the campaign on each claim (EXPLAIN ANALYZE: scanCount 10,001 instead of 300), which made
-- a campaign's cost grow with the square of its audience.
-- name: claim-candidates
SELECT d.subscriber_id, d.attempts, d.possible_duplicate, s.email, s.name, s.status
FROM delivery d LEFT JOIN subscriber s ON s.id = d.subscriber_id
WHERE d.campaign_id = ? AND d.state = ? AND d.next_attempt_at <= ?
ORDER BY d.campaign_id, d.state, d.next_attempt_at
LIMIT ?

-- Guarded by the state: a row another sender claimed first updates nothing.
-- name: claim-row
UPDATE delivery SET state = 'sending', claimed_by = ?, lease_until = ?, claim_batch = ?, claim_seq = ?, updated_at = ?
WHERE campaign_id = ? AND subscriber_id = ? AND state = ?

-- name: skip-row
UPDATE delivery SET state = 'skipped', smtp_reply = ?, updated_at = ?
WHERE campaign_id = ? AND subscriber_id = ? AND state = ?

-- Guarded by the claim: if the row was recovered from under a slow sender, its late outcome is dropped.
-- A drop before the relay's answer may hide an accepted message: the row becomes a possible duplicate.
-- name: record-outcome
UPDATE delivery SET state = ?, attempts = ?, next_attempt_at = ?, smtp_reply = ?, possible_duplicate = (possible_duplicate OR ?),
       claimed_by = NULL, lease_until = NULL, updated_at = ?
WHERE campaign_id = ? AND subscriber_id = ? AND state = 'sending' AND claimed_by = ?

-- A claimed row given back unsent (pause, cancel, relay lost): no attempt is counted.
-- name: release-row
UPDATE delivery SET state = CASE WHEN (SELECT c.status FROM campaign c WHERE c.id = delivery.campaign_id) = 'cancelled' THEN 'cancelled'
                                 WHEN attempts = 0 THEN 'queued' ELSE 'deferred' END,
       claimed_by = NULL, lease_until = NULL, updated_at = ?
WHERE campaign_id = ? AND subscriber_id = ? AND state = 'sending' AND claimed_by = ?

-- Rows whose sender died (lease expired, or another node's heartbeat stopped), batch by batch in sending order.
-- name: orphaned-rows
SELECT d.subscriber_id, d.claimed_by, s.email, d.claim_batch
FROM delivery d LEFT JOIN subscriber s ON s.id = d.subscriber_id
WHERE d.campaign_id = ? AND d.state = 'sending'
  AND (d.lease_until < ?
       OR ((d.claimed_by IS NULL OR d.claimed_by <> ?) AND NOT EXISTS (SELECT 1 FROM node n WHERE n.id = d.claimed_by AND n.heartbeat_at > ?)))
ORDER BY d.claim_batch, d.claim_seq

-- The first unrecorded rows of a dead sender's batch may have gone out: marked. The later ones cannot have.
-- name: requeue-orphan
UPDATE delivery SET state = CASE WHEN attempts = 0 THEN 'queued' ELSE 'deferred' END,
       possible_duplicate = CASE WHEN ? THEN TRUE ELSE possible_duplicate END,
       claimed_by = NULL, lease_until = NULL, updated_at = ?
WHERE campaign_id = ? AND subscriber_id = ? AND state = 'sending' AND claimed_by = ?

-- name: count-bounce
UPDATE subscriber SET bounce_count = bounce_count + 1, updated_at = ? WHERE id = ?

-- name: mark-bounced
UPDATE subscriber SET status = 'bounced', left_at = ?, left_source = 'bounce', updated_at = ?
WHERE id = ? AND status = 'confirmed' AND bounce_count >= ?

-- name: insert-event
INSERT INTO delivery_event (at, campaign_id, subscriber_id, email, outcome, detail, possible_duplicate)
VALUES (?, ?, ?, ?, ?, ?, ?)

-- name: events-after
SELECT id, at, campaign_id, email, outcome, detail, possible_duplicate
FROM delivery_event WHERE id > ? ORDER BY id LIMIT ?

-- name: events-after-for-campaign
SELECT id, at, campaign_id, email, outcome, detail, possible_duplicate
FROM delivery_event WHERE campaign_id = ? AND id > ? ORDER BY id LIMIT ?

-- name: node-insert
INSERT INTO node (id, role, host, pid, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?)

-- name: node-heartbeat
UPDATE node SET heartbeat_at = ? WHERE id = ?

-- name: node-delete
DELETE FROM node WHERE id = ?

-- name: node-prune
DELETE FROM node WHERE heartbeat_at < ?

-- name: nodes-alive
SELECT COUNT(*) FROM node WHERE role = ? AND heartbeat_at > ?

-- After a claim commits and before its messages go out: H2 may leave a commit in memory when another thread is
-- writing (its commit is a try), and a kill -9 then forgets the claim and the rows would be sent again unmarked.
-- name: durability-barrier
CHECKPOINT

-- The archive's key for a campaign: the issue's number (or its file name without extension) and its date.
-- name: campaign-set-issue
UPDATE campaign SET issue_number = ?, issue_date = ? WHERE id = ?
