--liquibase formatted sql

--changeset leads:001-extensions
--comment: pg_trgm powers the case-insensitive substring search over email and names (GIN trigram indexes).
-- pgcrypto is not needed: gen_random_uuid() is built into PostgreSQL 13+.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

--changeset leads:001-orgs
CREATE TABLE orgs (
    id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now()
);
-- Org names are how the demo seed recognises its own orgs (idempotent seeding).
CREATE UNIQUE INDEX orgs_name_key ON orgs (name);

--changeset leads:001-users
CREATE TABLE users (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id       uuid        NOT NULL REFERENCES orgs (id),
    email        text        NOT NULL CHECK (email = btrim(email) AND length(email) BETWEEN 3 AND 320),
    display_name text,
    role         text        NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'admin', 'member')),
    active       boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now()
);
-- x-user-email is compared case-insensitively; this index both enforces uniqueness and serves that look-up.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
CREATE INDEX users_org_id_idx ON users (org_id);

--changeset leads:001-tags-are-normalised splitStatements:false
--comment: The application normalises tags (trimmed, lower-case, distinct, at most 25 of 1..40 characters); this keeps rows written by anything else honest.
CREATE FUNCTION tags_are_normalised(tags text[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT cardinality(tags) <= 25
       AND NOT EXISTS (SELECT 1 FROM unnest(tags) AS t WHERE t IS NULL OR t <> lower(btrim(t)) OR length(t) NOT BETWEEN 1 AND 40)
       AND cardinality(tags) = (SELECT count(DISTINCT t) FROM unnest(tags) AS t)
$$;

--changeset leads:001-leads
CREATE TABLE leads (
    id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id            uuid        NOT NULL REFERENCES orgs (id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    status            text        NOT NULL DEFAULT 'waitlist'
                                  CHECK (status IN ('waitlist', 'invited', 'converted', 'lost')),
    first_name        text,
    last_name         text,
    email             text        NOT NULL CHECK (email = btrim(email) AND length(email) BETWEEN 3 AND 320),
    -- Validated and normalised by libphonenumber before it gets here; the check keeps the column honest.
    phone             text        CHECK (phone ~ '^\+[1-9][0-9]{1,14}$'),
    -- Tags are stored trimmed and lower-cased, so case-insensitive tag filters are plain array containment.
    tags              text[]      NOT NULL DEFAULT '{}' CONSTRAINT leads_tags_check CHECK (tags_are_normalised(tags)),
    source            text,
    utm_source        text,
    utm_medium        text,
    utm_campaign      text,
    notes             text        CHECK (length(notes) <= 10000),
    notes_updated_at  timestamptz,
    notes_updated_by  text,
    last_contacted_at timestamptz,
    -- Optimistic concurrency: every write bumps it; If-Match compares against it.
    version           bigint      NOT NULL DEFAULT 1 CHECK (version >= 1)
);
-- Emails are unique per org, case-insensitively.
CREATE UNIQUE INDEX leads_org_email_lower_key ON leads (org_id, lower(email));
-- The indexes the spec names. (org_id, created_at) carries id too, descending, because every list is
-- ordered created_at desc, id desc within one org: the first page is then a short index walk, no sort.
CREATE INDEX leads_org_id_idx ON leads (org_id);
CREATE INDEX leads_org_created_at_idx ON leads (org_id, created_at DESC, id DESC);
CREATE INDEX leads_status_idx ON leads (status);
CREATE INDEX leads_created_at_idx ON leads (created_at);
-- Search: `q` is a case-insensitive substring match, which only trigram indexes can answer without a scan.
CREATE INDEX leads_email_trgm_idx ON leads USING gin (email gin_trgm_ops);
CREATE INDEX leads_first_name_trgm_idx ON leads USING gin (first_name gin_trgm_ops);
CREATE INDEX leads_last_name_trgm_idx ON leads USING gin (last_name gin_trgm_ops);
-- The tag filter is array containment (tags @> ARRAY[...]), which a GIN index on the array answers.
CREATE INDEX leads_tags_gin_idx ON leads USING gin (tags);
-- The status filter within an org, in list order: no scan of the org's other statuses, no sort.
CREATE INDEX leads_org_status_created_at_idx ON leads (org_id, status, created_at DESC, id DESC);

--changeset leads:001-lead-search-text splitStatements:false
--comment: q matches email, first_name, last_name and "first last" in one trigram index.
-- One haystack per lead: lower(email), a newline, lower("first last"). A search term cannot contain a newline
-- (control characters are rejected), so a match never spans the email and the name, and every substring of
-- first_name, of last_name and of "first last" is a substring of the second part. One GIN index then answers
-- q with a single index scan instead of OR-ing four.
CREATE FUNCTION lead_search_text(email text, first_name text, last_name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT lower(email || E'\n' || coalesce(first_name, '') || ' ' || coalesce(last_name, '')) $$;

--changeset leads:001-lead-search-index
CREATE INDEX leads_search_trgm_idx ON leads USING gin (lead_search_text(email, first_name, last_name) gin_trgm_ops);

--changeset leads:001-lead-consents
-- An append-only ledger: the latest entry per channel is the consent in force; nothing is ever rewritten.
CREATE TABLE lead_consents (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id         uuid        NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    org_id          uuid        NOT NULL REFERENCES orgs (id),
    channel         text        NOT NULL CHECK (channel IN ('email', 'sms')),
    granted         boolean     NOT NULL,
    captured_at     timestamptz NOT NULL,
    source          text,
    ip              inet,
    user_agent      text,
    consent_text    text,
    consent_version text,
    recorded_by     text,
    recorded_at     timestamptz NOT NULL DEFAULT now()
);
-- The detail view reads the latest entry per channel: one index probe each.
CREATE INDEX lead_consents_latest_idx ON lead_consents (lead_id, channel, captured_at DESC, id DESC);

--changeset leads:001-forbid-ledger-update-function splitStatements:false
--comment: Append-only tables call this from a BEFORE UPDATE trigger.
CREATE FUNCTION forbid_ledger_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: record a new entry instead of changing entry %', TG_TABLE_NAME, OLD.id
        USING ERRCODE = 'restrict_violation';
END;
$$;

--changeset leads:001-lead-consents-append-only
CREATE TRIGGER lead_consents_append_only BEFORE UPDATE ON lead_consents
    FOR EACH ROW EXECUTE FUNCTION forbid_ledger_update();

--changeset leads:001-message-events
CREATE TABLE message_events (
    id                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id             uuid        NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    org_id              uuid        NOT NULL REFERENCES orgs (id),
    channel             text        NOT NULL CHECK (channel IN ('email', 'sms')),
    type                text        NOT NULL CHECK (type IN ('sent', 'delivered', 'opened', 'clicked', 'bounced',
                                                             'replied', 'failed', 'unsubscribed')),
    occurred_at         timestamptz NOT NULL,
    provider_message_id text,
    metadata            jsonb       NOT NULL DEFAULT '{}'::jsonb
);
-- The index the spec names: a lead's events, newest first.
CREATE INDEX message_events_lead_occurred_at_idx ON message_events (lead_id, occurred_at);

--changeset leads:001-lead-status-changes
CREATE TABLE lead_status_changes (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id     uuid        NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    org_id      uuid        NOT NULL REFERENCES orgs (id),
    from_status text        CHECK (from_status IN ('waitlist', 'invited', 'converted', 'lost')),
    to_status   text        NOT NULL CHECK (to_status IN ('waitlist', 'invited', 'converted', 'lost')),
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    reason      text        CHECK (length(reason) <= 500),
    CHECK (from_status IS DISTINCT FROM to_status)
);
-- Detail and history read a lead's changes newest first.
CREATE INDEX lead_status_changes_lead_idx ON lead_status_changes (lead_id, changed_at DESC, id DESC);

--changeset leads:001-lead-field-changes
-- Field-change audit for tags, phone and notes. Old and new values are jsonb so one column holds text and arrays.
CREATE TABLE lead_field_changes (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id    uuid        NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    org_id     uuid        NOT NULL REFERENCES orgs (id),
    field      text        NOT NULL CHECK (field IN ('tags', 'phone', 'notes')),
    old_value  jsonb,
    new_value  jsonb,
    changed_by text        NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lead_field_changes_lead_idx ON lead_field_changes (lead_id, changed_at DESC, id DESC);
