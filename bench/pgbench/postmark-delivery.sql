-- POST /webhooks/postmark of a Delivery for a known email: the statements JdbiMessageEventLog sends. byEmail finds
-- the lead (one across all orgs), then one transaction: lock the lead, insert the event unless its key is known,
-- move last_contacted_at forward and bump the version, in one statement, only when the delivery is later.
-- DeliveredAt is a random microsecond of one second, as in bench/wrk/postmark.lua. pgbench first picks one of
-- 1,000 known emails (one extra look-up).
\set k random(1, 1000)
\set m random(1, 2000000000)
\set us random(0, 999999)
SELECT email AS known FROM bench_known WHERE i = :k \gset
SELECT org_id, id, email FROM leads WHERE lower(email) = lower(:known) ORDER BY created_at, id LIMIT 100 \gset
BEGIN;
SELECT 1 FROM leads WHERE id = :id AND org_id = :org_id FOR UPDATE;
INSERT INTO message_events (lead_id, org_id, channel, type, occurred_at, provider_message_id, metadata, provider, event_key) VALUES (:id, :org_id, 'email', 'delivered', CAST('2026-11-30T10:00:00Z' AS timestamptz) + :us * interval '1 microsecond', 'pgbench-' || :m, CAST('{"RecordType":"Delivery","ServerID":23,"MessageStream":"outbound","Recipient":"x","Tag":"welcome-email","Details":"delivered","Metadata":{}}' AS jsonb), 'postmark', 'postmark|pgbench-' || :m || '|Delivery|' || :us || '|x') ON CONFLICT (lead_id, event_key) WHERE event_key IS NOT NULL DO NOTHING;
UPDATE leads SET last_contacted_at = CAST('2026-11-30T10:00:00Z' AS timestamptz) + :us * interval '1 microsecond', version = version + 1, updated_at = now() WHERE id = :id AND (last_contacted_at IS NULL OR last_contacted_at < CAST('2026-11-30T10:00:00Z' AS timestamptz) + :us * interval '1 microsecond');
COMMIT;
