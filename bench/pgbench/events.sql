-- GET /leads/{id}/events: what the API sends, one statement (pgbench first picks one of 1,000 lead ids, with
-- one extra look-up). The x-user-email look-up is not here: the API remembers it for 5 seconds (CachedUserAccounts).
\set i random(1, 1000)
SELECT id AS lead FROM bench_ids WHERE i = :i \gset
SELECT (SELECT count(*) FROM message_events e WHERE e.lead_id = :lead AND e.org_id = :org) AS total, e.id, e.channel, e.type, e.occurred_at, e.provider_message_id, e.metadata FROM leads l LEFT JOIN LATERAL (SELECT e.id, e.channel, e.type, e.occurred_at, e.provider_message_id, e.metadata::text AS metadata FROM message_events e WHERE e.lead_id = :lead AND e.org_id = :org ORDER BY e.occurred_at DESC, e.id DESC LIMIT 50 OFFSET 0) e ON true WHERE l.id = :lead AND l.org_id = :org;
