-- Idempotency-Key answers (README "Idempotent commands"): one row per user and key. A command's
-- unit of work inserts the row in the transaction that stores its events, so a key can never lead
-- to a second event, whichever instance or thread retries it; the answer is stored right after,
-- before the client gets it. Rows older than rapporteur.idempotency.retention are deleted.
CREATE TABLE idempotency_key (
    userName       VARCHAR(255)  NOT NULL,
    idempotencyKey VARCHAR(255)  NOT NULL,
    -- SHA-256 of method, path, query and body: the same key with another request is refused.
    fingerprint    VARCHAR(64)   NOT NULL,
    -- Which attempt claimed the key, so that the attempt can tell its own claim from another's.
    attempt        VARCHAR(36)   NOT NULL,
    createdAt      TIMESTAMP WITH TIME ZONE NOT NULL,
    status         INTEGER,
    contentType    VARCHAR(255),
    location       VARCHAR(2048),
    body           BYTEA,
    PRIMARY KEY (userName, idempotencyKey)
);
CREATE INDEX idempotency_key_created ON idempotency_key (createdAt);
