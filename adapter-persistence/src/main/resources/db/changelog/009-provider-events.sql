--liquibase formatted sql

--changeset leads:009-provider-event-keys
--comment: Providers redeliver webhooks; an event's key (provider, message id, record type, timestamp, address) makes a redelivery, or a concurrent duplicate, the same row. A text key rather than a unique index over nullable columns: PostgreSQL before 15 has no NULLS NOT DISTINCT, and a manual suppression has no message id.
ALTER TABLE message_events ADD COLUMN provider text CHECK (length(provider) <= 40);
ALTER TABLE message_events ADD COLUMN event_key text CHECK (length(event_key) <= 500);
CREATE UNIQUE INDEX message_events_lead_event_key_key ON message_events (lead_id, event_key) WHERE event_key IS NOT NULL;

--changeset leads:009-leads-by-address
--comment: Providers name addresses, not orgs: a webhook finds its leads by email or phone across orgs.
CREATE INDEX leads_email_lower_idx ON leads (lower(email));
CREATE INDEX leads_phone_idx ON leads (phone) WHERE phone IS NOT NULL;
