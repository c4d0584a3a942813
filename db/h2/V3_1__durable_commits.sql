-- Exactly-once delivery needs every commit on disk before the next message goes out: by default H2 writes
-- commits up to 500 ms later, so a kill -9 could forget a claim or an outcome and send twice unmarked.
-- (Persistent setting; PostgreSQL commits are durable already.)
SET WRITE_DELAY 0;
