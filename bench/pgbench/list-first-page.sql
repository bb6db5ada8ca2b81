-- GET /leads (page 1, no filter): what the API sends, statement for statement: one statement, whose total
-- comes from the per-status counters, with the org written in as a literal (bench/run.sh puts it in place of
-- :org, as the API does: see JdbiLeadQueries.OwnIndexPage). The x-user-email look-up is not here: the API
-- remembers it for 5 seconds (CachedUserAccounts).
SELECT (SELECT coalesce(sum(n), 0) FROM lead_status_counts WHERE org_id = :org::uuid) AS total, l.id, l.created_at, l.updated_at, l.status, l.first_name, l.last_name, l.email, l.phone, array_to_string(l.tags, E'\x1F') AS tags, l.source, l.utm_source, l.utm_medium, l.utm_campaign, l.last_contacted_at, l.version FROM leads l WHERE l.org_id = :org::uuid ORDER BY l.created_at DESC, l.id DESC LIMIT 50 OFFSET 0;
