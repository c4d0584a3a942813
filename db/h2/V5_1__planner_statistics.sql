-- H2 picks indexes by column selectivity, and a table it has not analyzed yet counts every column as 50%:
-- then the key (campaign_id, subscriber_id) and the campaign's indexes cost the same to its planner, and a
-- statement that updates one delivery could be planned as a read of the whole campaign. A sender keeps its
-- prepared plans, so a campaign started before H2's first automatic ANALYZE of a large audience crawled.
-- These are the true proportions (one campaign per many rows, a few states, one row per subscriber); ANALYZE
-- later measures about the same.
ALTER TABLE delivery ALTER COLUMN campaign_id SELECTIVITY 1;
ALTER TABLE delivery ALTER COLUMN state SELECTIVITY 1;
ALTER TABLE delivery ALTER COLUMN subscriber_id SELECTIVITY 100;
