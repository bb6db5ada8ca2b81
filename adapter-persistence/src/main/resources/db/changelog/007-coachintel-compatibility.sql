--liquibase formatted sql

--changeset leads:007-status-corrections
--comment: A move out of converted back to waitlist or invited corrects a mis-click and must carry a reason; history marks it.
ALTER TABLE lead_status_changes ADD COLUMN correction boolean NOT NULL DEFAULT false;
ALTER TABLE lead_status_changes ADD CONSTRAINT lead_status_changes_correction_has_reason
    CHECK (NOT correction OR (reason IS NOT NULL AND from_status = 'converted'));

--changeset leads:007-complained-events
--comment: Spam complaints are message events too (CoachIntel's 'complaint').
ALTER TABLE message_events DROP CONSTRAINT message_events_type_check;
ALTER TABLE message_events ADD CONSTRAINT message_events_type_check
    CHECK (type IN ('sent', 'delivered', 'opened', 'clicked', 'bounced', 'replied', 'failed', 'unsubscribed', 'complained'));

--changeset leads:007-tag-characters-function splitStatements:false
--comment: Tags may hold what people write (the domain's Tag decides: letters, digits, spaces and - _ % & + # . / : ' !). What the database can state without locale-dependent character classes: no control character and no ';', the CSV's tag separator; tags_are_normalised already checks the lengths, case, trimming and duplicates.
CREATE FUNCTION tags_have_allowed_characters(tags text[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT NOT EXISTS (SELECT 1 FROM unnest(tags) AS t WHERE t ~ '[\x01-\x1f\x7f-\x9f;]')
$$;

--changeset leads:007-tag-characters-check-added
--comment: Added NOT VALID so that existing rows are repaired before the check is validated.
ALTER TABLE leads ADD CONSTRAINT leads_tags_characters_check CHECK (tags_have_allowed_characters(tags)) NOT VALID;

--changeset leads:007-tag-characters-repair splitStatements:false
--comment: Each forbidden run becomes a space, the tag is trimmed and lower-cased, tags left empty or twice are dropped; the leads' versions go up and the tag counters follow through their triggers.
UPDATE leads l SET tags = repaired.tags, version = l.version + 1, updated_at = now()
FROM (SELECT id, coalesce(array_agg(tag ORDER BY first_position) FILTER (WHERE tag <> ''), '{}') AS tags
      FROM (SELECT id, tag, min(position) AS first_position
            FROM (SELECT l.id, lower(btrim(regexp_replace(u.tag, '[\x01-\x1f\x7f-\x9f;]+', ' ', 'g'))) AS tag, u.position
                  FROM leads l, unnest(l.tags) WITH ORDINALITY AS u(tag, position)
                  WHERE NOT tags_have_allowed_characters(l.tags)) AS cleaned
            GROUP BY id, tag) AS distinct_tags
      GROUP BY id) AS repaired
WHERE l.id = repaired.id;

--changeset leads:007-tag-characters-check-validated
ALTER TABLE leads VALIDATE CONSTRAINT leads_tags_characters_check;
