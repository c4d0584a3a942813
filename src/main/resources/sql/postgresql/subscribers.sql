-- PostgreSQL: the import's merge as INSERT ... ON CONFLICT. PostgreSQL's MERGE raises a unique violation when a
-- reader subscribes with the same address while the import runs; ON CONFLICT waits for that row and merges into it.
-- The rules are import-merge's in ../subscribers.sql; the row's own status (or NULL) is read from the CTE, since
-- EXCLUDED only holds the inserted values.

-- name: import-merge
WITH s (email, email_key, name, status, now) AS (
    VALUES (CAST(? AS VARCHAR(320)), CAST(? AS VARCHAR(320)), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(16)),
            CAST(? AS TIMESTAMP WITH TIME ZONE)))
INSERT INTO subscriber AS t (email, email_key, name, status, created_at, updated_at, subscribed_at, subscribed_source,
                             confirmed_at, confirmed_source, left_at, left_source)
SELECT s.email, s.email_key, s.name, COALESCE(s.status, 'confirmed'), s.now, s.now, s.now, 'import',
       CASE WHEN COALESCE(s.status, 'confirmed') = 'confirmed' THEN s.now END,
       CASE WHEN COALESCE(s.status, 'confirmed') = 'confirmed' THEN 'import' END,
       CASE WHEN s.status IN ('unsubscribed', 'bounced', 'complained') THEN s.now END,
       CASE WHEN s.status IN ('unsubscribed', 'bounced', 'complained') THEN 'import' END
FROM s
ON CONFLICT (email_key) DO UPDATE SET
    name = COALESCE(EXCLUDED.name, t.name),
    status = CASE WHEN (SELECT status FROM s) IS NULL OR t.status IN ('unsubscribed', 'bounced', 'complained') THEN t.status
                  ELSE (SELECT status FROM s) END,
    confirmed_at = CASE WHEN (SELECT status FROM s) = 'confirmed' AND t.status = 'pending' THEN EXCLUDED.updated_at ELSE t.confirmed_at END,
    confirmed_source = CASE WHEN (SELECT status FROM s) = 'confirmed' AND t.status = 'pending' THEN 'import' ELSE t.confirmed_source END,
    left_at = CASE WHEN (SELECT status FROM s) IN ('unsubscribed', 'bounced', 'complained') AND t.status IN ('pending', 'confirmed')
                   THEN EXCLUDED.updated_at ELSE t.left_at END,
    left_source = CASE WHEN (SELECT status FROM s) IN ('unsubscribed', 'bounced', 'complained') AND t.status IN ('pending', 'confirmed')
                       THEN 'import' ELSE t.left_source END,
    updated_at = EXCLUDED.updated_at
WHERE (EXCLUDED.name IS NOT NULL AND (t.name IS NULL OR EXCLUDED.name <> t.name))
   OR ((SELECT status FROM s) IS NOT NULL AND (SELECT status FROM s) <> t.status
       AND t.status NOT IN ('unsubscribed', 'bounced', 'complained'))
