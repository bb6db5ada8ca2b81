-- GET /leads/{id}: what the API sends (pgbench first picks one of 1,000 lead ids, with one extra look-up).
-- The x-user-email look-up is not here: the API remembers it for 5 seconds (CachedUserAccounts).
\set i random(1, 1000)
SELECT id AS lead FROM bench_ids WHERE i = :i \gset
SELECT l.id, l.created_at, l.updated_at, l.status, l.first_name, l.last_name, l.email, l.phone, array_to_string(l.tags, E'\x1F') AS tags, l.source, l.utm_source, l.utm_medium, l.utm_campaign, l.last_contacted_at, l.version, l.notes, l.notes_updated_at, l.notes_updated_by FROM leads l WHERE l.id = :lead AND l.org_id = :org;
SELECT DISTINCT ON (channel) channel, granted, captured_at, source FROM lead_consents WHERE lead_id = :lead ORDER BY channel, captured_at DESC, id DESC;
SELECT from_status, to_status, changed_by, changed_at, reason FROM lead_status_changes WHERE lead_id = :lead ORDER BY changed_at DESC, id DESC LIMIT 10;
