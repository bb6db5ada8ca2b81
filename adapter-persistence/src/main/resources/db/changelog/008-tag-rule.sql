--liquibase formatted sql

--changeset leads:008-tag-characters-check-dropped
--comment: The check of 007 let through tags that the domain's rule rejects (such as =cmd|' /c calc'!a0), and one such row written by SQL failed its org's lists and exports. It is replaced by the domain's rule itself.
ALTER TABLE leads DROP CONSTRAINT leads_tags_characters_check;

--changeset leads:008-tag-characters-function splitStatements:false
--comment: Exactly Tag.isAllowedCharacter: in ASCII letters, digits, space and - _ % & + # . / : ' !; beyond ASCII anything but C1 controls, the no-break space, invisible formatting and other spaces. Code point ranges, not character classes, so that the database's locale cannot change the set.
CREATE OR REPLACE FUNCTION tags_have_allowed_characters(tags text[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT NOT EXISTS (SELECT 1 FROM unnest(tags) AS t
                       WHERE t ~ '[^ A-Za-z0-9_%&+#./:''!\u0080-\U0010FFFF-]'
                          OR t ~ '[\u0080-\u00A0\u00AD\u061C\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF\uFFF9-\uFFFB\uFFFE\uFFFF]')
$$;

--changeset leads:008-tag-characters-check-added
--comment: Added NOT VALID so that existing rows are repaired before the check is validated.
ALTER TABLE leads ADD CONSTRAINT leads_tags_characters_check CHECK (tags_have_allowed_characters(tags)) NOT VALID;

--changeset leads:008-tag-characters-repair splitStatements:false
--comment: As in 007: each run of forbidden characters becomes a space, the tag is trimmed and lower-cased, tags left empty or twice are dropped; the leads' versions go up and the tag counters follow through their triggers.
UPDATE leads l SET tags = repaired.tags, version = l.version + 1, updated_at = now()
FROM (SELECT id, coalesce(array_agg(tag ORDER BY first_position) FILTER (WHERE tag <> ''), '{}') AS tags
      FROM (SELECT id, tag, min(position) AS first_position
            FROM (SELECT l.id, u.position, lower(btrim(regexp_replace(u.tag,
                           '([^ A-Za-z0-9_%&+#./:''!\u0080-\U0010FFFF-]|[\u0080-\u00A0\u00AD\u061C\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF\uFFF9-\uFFFB\uFFFE\uFFFF])+',
                           ' ', 'g'))) AS tag
                  FROM leads l, unnest(l.tags) WITH ORDINALITY AS u(tag, position)
                  WHERE NOT tags_have_allowed_characters(l.tags)) AS cleaned
            GROUP BY id, tag) AS distinct_tags
      GROUP BY id) AS repaired
WHERE l.id = repaired.id;

--changeset leads:008-tag-characters-check-validated
ALTER TABLE leads VALIDATE CONSTRAINT leads_tags_characters_check;
