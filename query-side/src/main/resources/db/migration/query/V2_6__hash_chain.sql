-- Each event's link in its report's hash chain (API.md 1.1), as Kafka carries it in ce_previoushash
-- and ce_hash: shown by the audit trail, checked against the event before as each is applied. Null
-- for a record published before the chain existed.
ALTER TABLE q_event ADD COLUMN previous_hash VARCHAR(64);
ALTER TABLE q_event ADD COLUMN hash VARCHAR(64);
-- A parked record keeps its link, to be checked when it is applied later.
ALTER TABLE q_parked ADD COLUMN previous_hash VARCHAR(64);
ALTER TABLE q_parked ADD COLUMN hash VARCHAR(64);
-- A record whose link does not follow the event applied before it, or whose hash is not the hash
-- of what it carries, is parked with kind BROKEN_LINK and holds its report, as a fork does.
