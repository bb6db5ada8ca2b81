--liquibase formatted sql

--changeset leads:011-lead-search splitStatements:false
--comment: A narrow copy of what q searches, one row per lead, so that a search's matches are counted and ordered without reading the wide leads table.
-- q's exact total used to recheck every trigram candidate of every org on the leads heap: 75,391 candidates and
-- 19,837 heap pages for q=son at 1M leads, 210-320 ms. Here a search reads the candidates of its org's partition
-- only, each rechecked on a row of about 110 bytes, and the hash partitions keep an org's rows together on few
-- pages: 30-45 ms (decision 0016 and docs/performance.md have the measurements, and why the org is not a column
-- of the GIN index). created_at is here too, so that the same scan also finds the page's leads in list order,
-- however the matches are spread over time. The haystack is lead_search_text(), exactly what the list's per-row
-- check compares, so matching here and checking rows there agree. Kept by the triggers below in the writing transaction; TRUNCATE
-- skips triggers: rebuild with the INSERT below after one.
CREATE TABLE lead_search (
    org_id     uuid        NOT NULL,
    lead_id    uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    haystack   text        NOT NULL,
    PRIMARY KEY (org_id, lead_id)
) PARTITION BY HASH (org_id);
DO $$
BEGIN
    FOR remainder IN 0..15 LOOP
        EXECUTE format('CREATE TABLE lead_search_%s PARTITION OF lead_search FOR VALUES WITH (MODULUS 16, REMAINDER %s)',
                       remainder, remainder);
    END LOOP;
END $$;
INSERT INTO lead_search (org_id, lead_id, created_at, haystack)
SELECT org_id, id, created_at, lead_search_text(email, first_name, last_name) FROM leads;
CREATE INDEX lead_search_trgm_idx ON lead_search USING gin (haystack gin_trgm_ops);

--changeset leads:011-lead-search-functions splitStatements:false
CREATE FUNCTION lead_search_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO lead_search (org_id, lead_id, created_at, haystack)
    SELECT org_id, id, created_at, lead_search_text(email, first_name, last_name) FROM new_rows;
    RETURN NULL;
END;
$$;

CREATE FUNCTION lead_search_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM lead_search s USING old_rows o WHERE s.org_id = o.org_id AND s.lead_id = o.id;
    RETURN NULL;
END;
$$;

CREATE FUNCTION lead_search_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A changed org moves the row to its new org's partition.
    UPDATE lead_search SET org_id = NEW.org_id, created_at = NEW.created_at,
                           haystack = lead_search_text(NEW.email, NEW.first_name, NEW.last_name)
    WHERE org_id = OLD.org_id AND lead_id = OLD.id;
    RETURN NULL;
END;
$$;

--changeset leads:011-lead-search-triggers
--comment: Inserts and deletes per statement (a bulk insert is one INSERT ... SELECT); updates per row, and only those that change what q searches: status, tag and note edits never call the function.
CREATE TRIGGER leads_search_insert AFTER INSERT ON leads REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_search_after_insert();
CREATE TRIGGER leads_search_delete AFTER DELETE ON leads REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION lead_search_after_delete();
CREATE TRIGGER leads_search_update AFTER UPDATE OF email, first_name, last_name, org_id, created_at ON leads FOR EACH ROW
    WHEN (OLD.email IS DISTINCT FROM NEW.email OR OLD.first_name IS DISTINCT FROM NEW.first_name
          OR OLD.last_name IS DISTINCT FROM NEW.last_name OR OLD.org_id IS DISTINCT FROM NEW.org_id
          OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION lead_search_after_update();

--changeset leads:011-drop-leads-search-index
--comment: lead_search answers q's candidates now; the leads table's own copy of that index only cost every write.
DROP INDEX leads_search_trgm_idx;
