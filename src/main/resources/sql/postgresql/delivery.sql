-- PostgreSQL: several nodes claim from one campaign at once; each skips the rows another holds locked.

-- name: claim-candidates
SELECT d.subscriber_id, d.attempts, d.possible_duplicate, s.email, s.name, s.status
FROM delivery d LEFT JOIN subscriber s ON s.id = d.subscriber_id
WHERE d.campaign_id = ? AND d.state = ? AND d.next_attempt_at <= ?
ORDER BY d.next_attempt_at
LIMIT ?
FOR UPDATE OF d SKIP LOCKED

-- PostgreSQL commits are durable when they return.
-- name: durability-barrier
SELECT 1
