--liquibase formatted sql

--changeset leads:005-history-of-intake
--comment: History records how a lead came in (created, captured again) and how its consent in force changed, besides field edits.
ALTER TABLE lead_field_changes DROP CONSTRAINT lead_field_changes_field_check;
ALTER TABLE lead_field_changes ADD CONSTRAINT lead_field_changes_field_check
    CHECK (field IN ('tags', 'phone', 'notes', 'created', 'captured', 'consent_email', 'consent_sms'));

--changeset leads:005-idempotency-keys
--comment: Idempotency-Key requests (Stripe's manner), kept in PostgreSQL so that every API instance sees them.
CREATE TABLE idempotency_keys (
    org_id           uuid        NOT NULL REFERENCES orgs (id),
    user_email       text        NOT NULL,
    -- The method and path, such as 'POST /leads': the same key on another endpoint is another key.
    operation        text        NOT NULL,
    key              text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    -- A digest of the first request's body: a retry with another body is refused.
    fingerprint      text        NOT NULL,
    state            text        NOT NULL CHECK (state IN ('running', 'completed')),
    -- The first answer as the API encoded it (status, headers, body): opaque here.
    response         bytea,
    started_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    PRIMARY KEY (org_id, user_email, operation, key),
    CHECK (state = 'running' OR response IS NOT NULL)
);
-- Expired keys are deleted in bulk.
CREATE INDEX idempotency_keys_expires_at_idx ON idempotency_keys (expires_at);

--changeset leads:005-rate-limit-windows
--comment: Attempts per bucket (a client address) per fixed window, shared by every API instance.
CREATE TABLE rate_limit_windows (
    bucket       text        NOT NULL,
    window_start timestamptz NOT NULL,
    hits         integer     NOT NULL CHECK (hits >= 1),
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_windows_window_start_idx ON rate_limit_windows (window_start);
