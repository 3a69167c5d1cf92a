-- The rebuilds of the projections, so that their status outlives the instance that ran them and
-- any instance answers for it. A RUNNING row whose updated_at stopped moving was interrupted.
CREATE TABLE q_rebuild (
    rebuild_id     VARCHAR(64) PRIMARY KEY,
    status         VARCHAR(16) NOT NULL,
    events_applied BIGINT      NOT NULL,
    detail         TEXT,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
