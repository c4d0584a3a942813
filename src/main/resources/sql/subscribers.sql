-- Subscribers: the only SQL that reads or writes the subscriber table. Portable to H2 2.x and PostgreSQL 15+.

-- name: find-by-key
SELECT id, email, name, status, created_at, subscribed_at, subscribed_source, subscribed_ip, confirmation_sent_at,
       confirmed_at, confirmed_ip, left_at, left_source, left_campaign_id
FROM subscriber WHERE email_key = ?

-- name: find-by-id
SELECT id, email, name, status, created_at, subscribed_at, subscribed_source, subscribed_ip, confirmation_sent_at,
       confirmed_at, confirmed_ip, left_at, left_source, left_campaign_id
FROM subscriber WHERE id = ?

-- name: insert-pending
INSERT INTO subscriber (email, email_key, name, status, created_at, updated_at, subscribed_at, subscribed_source, subscribed_ip)
VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?)

-- name: resubscribe
-- A person who left (or never confirmed) asks again: a new consent starts; the old "left" record stays for history.
UPDATE subscriber SET status = 'pending', name = COALESCE(?, name), subscribed_at = ?, subscribed_source = ?,
       subscribed_ip = ?, confirmation_sent_at = NULL, updated_at = ?
WHERE id = ? AND status NOT IN ('pending', 'confirmed')

-- name: restart-pending
-- A pending address whose confirmation link expired asks again: the subscription starts over, so its new link differs.
UPDATE subscriber SET name = COALESCE(?, name), subscribed_at = ?, subscribed_source = ?, subscribed_ip = ?,
       confirmation_sent_at = NULL, updated_at = ?
WHERE id = ? AND status = 'pending'

-- name: update-pending-name
UPDATE subscriber SET name = ?, updated_at = ? WHERE id = ? AND status = 'pending'

-- name: claim-confirmation-send
-- Atomic, so two concurrent requests cannot both send: only one sees its update count as 1.
UPDATE subscriber SET confirmation_sent_at = ?
WHERE id = ? AND status = 'pending' AND (confirmation_sent_at IS NULL OR confirmation_sent_at <= ?)

-- name: confirm
UPDATE subscriber SET status = 'confirmed', confirmed_at = ?, confirmed_ip = ?, confirmed_source = 'link', updated_at = ?
WHERE id = ? AND status = 'pending'

-- name: unsubscribe
-- (Statuses are written as what they are not: H2 plans "id = ? AND status IN (...)" on the (status, id) index
-- and then walks every subscriber of those statuses; NOT IN leaves it the primary key. SubscriberPlansTest.)
UPDATE subscriber SET status = 'unsubscribed', left_at = ?, left_source = ?, left_campaign_id = ?, left_ip = ?, updated_at = ?
WHERE id = ? AND status NOT IN ('unsubscribed', 'bounced', 'complained')

-- name: count-by-status
SELECT status, COUNT(*) FROM subscriber GROUP BY status

-- name: count-all
SELECT COUNT(*) FROM subscriber

-- name: export-page
-- Keyset paging (never OFFSET): each page starts after the last id seen.
SELECT id, email, name, status, created_at, subscribed_at, subscribed_source, subscribed_ip, confirmation_sent_at,
       confirmed_at, confirmed_ip, left_at, left_source, left_campaign_id
FROM subscriber WHERE id > ? ORDER BY id FETCH FIRST ? ROWS ONLY

-- name: import-merge
-- One CSV row. New address: inserted with the row's status (default confirmed: an import moves an existing list).
-- Known address: the name is updated when the row has a different one (an unchanged row writes nothing); the status only when the row has one and the
-- subscriber has not left (unsubscribed, bounced, complained): an import never re-activates anyone.
-- Parameters: email, email_key, name, status (or NULL), now.
MERGE INTO subscriber t
USING (VALUES (CAST(? AS VARCHAR(320)), CAST(? AS VARCHAR(320)), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(16)),
               CAST(? AS TIMESTAMP WITH TIME ZONE))) AS s (email, email_key, name, status, now)
ON t.email_key = s.email_key
WHEN MATCHED AND ((s.name IS NOT NULL AND (t.name IS NULL OR s.name <> t.name))
                  OR (s.status IS NOT NULL AND s.status <> t.status AND t.status NOT IN ('unsubscribed', 'bounced', 'complained')))
THEN UPDATE SET
    name = COALESCE(s.name, t.name),
    status = CASE WHEN s.status IS NULL OR t.status IN ('unsubscribed', 'bounced', 'complained') THEN t.status ELSE s.status END,
    confirmed_at = CASE WHEN s.status = 'confirmed' AND t.status = 'pending' THEN s.now ELSE t.confirmed_at END,
    confirmed_source = CASE WHEN s.status = 'confirmed' AND t.status = 'pending' THEN 'import' ELSE t.confirmed_source END,
    left_at = CASE WHEN s.status IN ('unsubscribed', 'bounced', 'complained') AND t.status IN ('pending', 'confirmed') THEN s.now ELSE t.left_at END,
    left_source = CASE WHEN s.status IN ('unsubscribed', 'bounced', 'complained') AND t.status IN ('pending', 'confirmed') THEN 'import' ELSE t.left_source END,
    updated_at = s.now
WHEN NOT MATCHED THEN INSERT (email, email_key, name, status, created_at, updated_at, subscribed_at, subscribed_source,
                              confirmed_at, confirmed_source, left_at, left_source)
VALUES (s.email, s.email_key, s.name, COALESCE(s.status, 'confirmed'), s.now, s.now, s.now, 'import',
        CASE WHEN COALESCE(s.status, 'confirmed') = 'confirmed' THEN s.now END,
        CASE WHEN COALESCE(s.status, 'confirmed') = 'confirmed' THEN 'import' END,
        CASE WHEN s.status IN ('unsubscribed', 'bounced', 'complained') THEN s.now END,
        CASE WHEN s.status IN ('unsubscribed', 'bounced', 'complained') THEN 'import' END)
