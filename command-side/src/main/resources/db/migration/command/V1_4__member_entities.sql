-- The report aggregate gained its member entities (ADR 0007). A snapshot taken before holds no
-- members, and a report restored from it would shut out its delegates: snapshots are a cache of
-- the events, so drop them and let each report replay its events once, which takes a new one.
DELETE FROM SnapshotEventEntry;
