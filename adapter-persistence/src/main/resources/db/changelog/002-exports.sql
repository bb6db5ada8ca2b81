--liquibase formatted sql

--changeset leads:002-lead-exports
--comment: Export jobs. Files live in PostgreSQL so that every API instance and every worker can serve them.
CREATE TABLE lead_exports (
    id           uuid        PRIMARY KEY,
    org_id       uuid        NOT NULL REFERENCES orgs (id),
    requested_by text        NOT NULL,
    -- The filters as the job needs them: {"q": text|null, "statuses": [...], "tags": [...],
    -- "created_from": timestamptz|null, "created_before": timestamptz|null}
    filters      jsonb       NOT NULL,
    status       text        NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    row_count    bigint      CHECK (row_count >= 0),
    byte_count   bigint      CHECK (byte_count >= 0),
    created_at   timestamptz NOT NULL,
    started_at   timestamptz,
    finished_at  timestamptz,
    expires_at   timestamptz NOT NULL,
    error        text
);
-- "The caller's recent exports", newest first.
CREATE INDEX lead_exports_org_created_idx ON lead_exports (org_id, created_at DESC, id DESC);
-- The cleanup job deletes what has expired.
CREATE INDEX lead_exports_expires_idx ON lead_exports (expires_at);

--changeset leads:002-lead-export-chunks
--comment: An export's file in pieces of up to 1 MiB, so that neither writing nor reading it needs it whole in memory.
CREATE TABLE lead_export_chunks (
    export_id uuid    NOT NULL REFERENCES lead_exports (id) ON DELETE CASCADE,
    seq       integer NOT NULL CHECK (seq >= 0),
    data      bytea   NOT NULL,
    PRIMARY KEY (export_id, seq)
);
