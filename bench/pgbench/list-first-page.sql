-- GET /leads (page 1, no filter): what the API sends, statement for statement.
-- The x-user-email look-up is not here: the API remembers it for 5 seconds (CachedUserAccounts).
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SELECT coalesce(sum(n), 0) FROM lead_status_counts WHERE org_id = :org;
SELECT l.id, l.created_at, l.updated_at, l.status, l.first_name, l.last_name, l.email, l.phone, array_to_string(l.tags, E'\x1F') AS tags, l.source, l.utm_source, l.utm_medium, l.utm_campaign, l.last_contacted_at, l.version FROM leads l WHERE l.org_id = :org ORDER BY l.created_at DESC, l.id DESC LIMIT 50 OFFSET 0;
COMMIT;
