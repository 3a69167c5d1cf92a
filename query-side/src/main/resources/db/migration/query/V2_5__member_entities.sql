-- Who takes part in each report (ADR 0007): one row per member entity, kept with the draft it was
-- folded with, so that a delegate's reads and lists filter on an index instead of on drafts.
CREATE TABLE q_member (
    generation INTEGER     NOT NULL,
    report_id  VARCHAR(64) NOT NULL,
    entity     VARCHAR(64) NOT NULL,
    since      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (generation, report_id, entity)
);
CREATE INDEX q_member_entity ON q_member (generation, entity, report_id);

-- Drafts projected before this change hold no members, and a draft resumes from what it holds:
-- project every report again from the start of the topic, which keeps every event (ADR 0006).
-- Without a stored offset the projector starts each partition at its beginning.
DELETE FROM q_event;
DELETE FROM q_draft;
DELETE FROM q_pending;
DELETE FROM q_parked;
DELETE FROM q_offset;
