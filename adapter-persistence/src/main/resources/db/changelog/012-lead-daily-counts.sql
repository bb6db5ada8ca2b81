--liquibase formatted sql

--changeset leads:012-lead-daily-counts
--comment: An org's number of leads per status and UTC day of created_at, so that a created_at range's exact total adds up days instead of counting rows.
-- status + a date range is the admin page's most common filter after page 1. Counting it, even by an index-only
-- scan, grows with the range (15,700 entries for three months of one status in the benchmark's biggest org); these
-- counters give the full days of any range in at most a few hundred rows, and only a range's partial first and
-- last days are counted. Spread over 16 slots like the other counters (changeset 006), so concurrent inserts into
-- one org and day do not queue on one row. Cost to writes: one more aggregated upsert per INSERT or DELETE
-- statement, and per UPDATE statement that changes a lead's status, org or created_at. TRUNCATE skips triggers:
-- rebuild with the INSERT ... SELECT below after one.
CREATE TABLE lead_daily_counts (
    org_id uuid     NOT NULL REFERENCES orgs (id),
    status text     NOT NULL,
    day    date     NOT NULL,
    slot   smallint NOT NULL CHECK (slot BETWEEN 0 AND 15),
    n      bigint   NOT NULL,
    PRIMARY KEY (org_id, status, day, slot)
);
INSERT INTO lead_daily_counts (org_id, status, day, slot, n)
SELECT org_id, status, (created_at AT TIME ZONE 'UTC')::date, 0, count(*) FROM leads GROUP BY 1, 2, 3;

--changeset leads:012-lead-daily-counts-functions splitStatements:false
CREATE FUNCTION lead_daily_counts_apply(deltas jsonb) RETURNS void LANGUAGE sql AS $$
    -- In key order, so that concurrent writers take the counter rows' locks in the same order (no deadlock).
    INSERT INTO lead_daily_counts (org_id, status, day, slot, n)
    SELECT (d ->> 'org_id')::uuid, d ->> 'status', (d ->> 'day')::date, pg_backend_pid() % 16, (d ->> 'delta')::bigint
    FROM jsonb_array_elements(deltas) AS d
    ORDER BY 1, 2, 3
    ON CONFLICT (org_id, status, day, slot) DO UPDATE SET n = lead_daily_counts.n + EXCLUDED.n;
$$;

CREATE FUNCTION lead_daily_counts_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lead_daily_counts_apply(
        (SELECT coalesce(jsonb_agg(jsonb_build_object('org_id', org_id, 'status', status, 'day', day, 'delta', n)), '[]')
         FROM (SELECT org_id, status, (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n
               FROM new_rows GROUP BY 1, 2, 3) AS c));
    RETURN NULL;
END;
$$;

CREATE FUNCTION lead_daily_counts_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lead_daily_counts_apply(
        (SELECT coalesce(jsonb_agg(jsonb_build_object('org_id', org_id, 'status', status, 'day', day, 'delta', -n)), '[]')
         FROM (SELECT org_id, status, (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n
               FROM old_rows GROUP BY 1, 2, 3) AS c));
    RETURN NULL;
END;
$$;

CREATE FUNCTION lead_daily_counts_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Only rows whose org, status or day changed move between counters; tag, phone and note edits touch none.
    PERFORM lead_daily_counts_apply(
        (SELECT coalesce(jsonb_agg(jsonb_build_object('org_id', org_id, 'status', status, 'day', day, 'delta', delta)), '[]')
         FROM (SELECT org_id, status, day, sum(delta) AS delta
               FROM (SELECT o.org_id, o.status, (o.created_at AT TIME ZONE 'UTC')::date AS day, -1 AS delta
                     FROM old_rows o JOIN new_rows n ON n.id = o.id
                     WHERE (o.org_id, o.status, o.created_at) IS DISTINCT FROM (n.org_id, n.status, n.created_at)
                     UNION ALL
                     SELECT n.org_id, n.status, (n.created_at AT TIME ZONE 'UTC')::date, 1
                     FROM old_rows o JOIN new_rows n ON n.id = o.id
                     WHERE (o.org_id, o.status, o.created_at) IS DISTINCT FROM (n.org_id, n.status, n.created_at)) AS moves
               GROUP BY org_id, status, day
               HAVING sum(delta) <> 0) AS c));
    RETURN NULL;
END;
$$;

--changeset leads:012-lead-daily-counts-triggers
CREATE TRIGGER leads_daily_count_insert AFTER INSERT ON leads REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_daily_counts_after_insert();
CREATE TRIGGER leads_daily_count_delete AFTER DELETE ON leads REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_daily_counts_after_delete();
CREATE TRIGGER leads_daily_count_update AFTER UPDATE ON leads REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_daily_counts_after_update();
