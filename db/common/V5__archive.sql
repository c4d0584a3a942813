-- The public archive: the issue's number and date from its header, kept when the campaign is created, so
-- /archive/{number} finds a campaign without the Markdown (which is not stored).
ALTER TABLE campaign ADD COLUMN issue_number VARCHAR(64);
ALTER TABLE campaign ADD COLUMN issue_date VARCHAR(64);
CREATE INDEX campaign_issue_number ON campaign (issue_number);
-- The operator's log filters by outcome and pages newest first by id; the live rate and the time filter read by time.
CREATE INDEX delivery_event_outcome ON delivery_event (outcome, id);
CREATE INDEX delivery_event_at ON delivery_event (at);
-- Campaigns made before this version: their file name is the best key left (the Markdown is not stored).
UPDATE campaign SET issue_number = REPLACE(source_file, '.md', '') WHERE issue_number IS NULL;
