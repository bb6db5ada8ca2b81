-- Benchmark data in the project's own schema (run after Liquibase): :n leads (psql -v n=1000000) across 20
-- orgs, org 01 holding half; statuses ~60/25/10/5 %; 0-4 tags of 30; created_at over two years; realistic
-- names and unique emails; ~5 message events and 2 consent entries per lead. Set-based: one statement per
-- table, so it loads in minutes, not hours. Deterministic for a given :n (no random()).
\set ON_ERROR_STOP on
SET synchronous_commit = off;

-- The lead tables' secondary indexes are dropped for the load and rebuilt afterwards from their own
-- definitions (the Liquibase schema stays their only source): building an index once, sorted, is far cheaper
-- than maintaining it row by row, GIN trigram indexes above all. Indexes behind constraints stay.
CREATE TEMP TABLE bench_saved_indexes AS
SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
WHERE t.relnamespace = 'public'::regnamespace
  AND t.relname IN ('leads', 'lead_consents', 'message_events', 'lead_status_changes', 'lead_search')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid);
DO $$
DECLARE saved record;
BEGIN
  FOR saved IN SELECT name FROM bench_saved_indexes LOOP
    EXECUTE 'DROP INDEX ' || saved.name;
  END LOOP;
END $$;

INSERT INTO orgs (name) SELECT 'Bench Org ' || lpad(o::text, 2, '0') FROM generate_series(1, 20) AS o;
INSERT INTO users (org_id, email, role)
SELECT id, 'owner@' || lower(replace(name, ' ', '')) || '.bench', 'owner' FROM orgs WHERE name LIKE 'Bench Org %';

CREATE TEMP TABLE bench_orgs AS
SELECT id, row_number() OVER (ORDER BY name) AS o FROM orgs WHERE name LIKE 'Bench Org %';

CREATE TEMP TABLE names AS
SELECT * FROM (VALUES
  (0, 'Olivia', 'Smith'), (1, 'Liam', 'Johnson'), (2, 'Emma', 'Williams'), (3, 'Noah', 'Brown'), (4, 'Ava', 'García'),
  (5, 'Mateo', 'Martínez'), (6, 'Sophia', 'Rodríguez'), (7, 'Lucas', 'Nguyễn'), (8, 'Isabella', 'Kim'), (9, 'Ethan', 'Patel'),
  (10, 'Mia', 'Singh'), (11, 'Aiden', 'Chen'), (12, 'Amara', 'Wang'), (13, 'Kwame', 'Müller'), (14, 'Priya', 'Schmidt'),
  (15, 'Arjun', 'Rossi'), (16, 'Mei', 'Dubois'), (17, 'Hiroshi', 'O''Brien'), (18, 'Zoë', 'Andersen'), (19, 'José', 'Kowalski'),
  (20, 'Chloé', 'Okafor'), (21, 'Björn', 'Mensah'), (22, 'Ingrid', 'Haddad'), (23, 'Fatima', 'Khan'), (24, 'Omar', 'Tanaka'),
  (25, 'Aisha', 'Silva'), (26, 'Nikolai', 'Costa'), (27, 'Siobhan', 'Murphy'), (28, 'Léa', 'Walsh'), (29, 'Grace', 'Taylor'),
  (30, 'Daniel', 'Wilson'), (31, 'Samuel', 'Davies'), (32, 'Wei', 'Evans'), (33, 'Thanh', 'Thompson'), (34, 'Kofi', 'Moore'),
  (35, 'Ngozi', 'Clark'), (36, 'Rafael', 'Lewis'), (37, 'Elif', 'Young'), (38, 'Luca', 'Yilmaz'), (39, 'Ruby', 'Cohen')
) AS t(k, first_name, last_name);

CREATE TEMP TABLE tag_names AS
SELECT k, t FROM unnest(ARRAY['vip','newsletter','webinar','referral','beginner','advanced','1on1','group','nutrition',
  'fitness','mindset','career','q4-promo','podcast','instagram','youtube','tiktok','retreat','masterclass','alumni',
  'corporate','students','parents','athletes','runners','yoga','sleep','stress','leadership','spring-2026'])
  WITH ORDINALITY AS x(t, k);

-- Leads. n is the lead's number; half go to org 01, the rest spread over orgs 02..20.
INSERT INTO leads (org_id, created_at, updated_at, status, first_name, last_name, email, phone, tags, source,
                   utm_source, utm_medium, utm_campaign, last_contacted_at)
SELECT (SELECT id FROM bench_orgs WHERE o = CASE WHEN n % 2 = 0 THEN 1 ELSE 2 + (n / 2) % 19 END),
       created,
       created + interval '1 day',
       CASE WHEN h % 100 < 60 THEN 'waitlist' WHEN h % 100 < 85 THEN 'invited' WHEN h % 100 < 95 THEN 'converted' ELSE 'lost' END,
       f.first_name, l.last_name,
       lower(translate(f.first_name, 'éëèüöóíñçãõáúâêôïäőűąęłśćźżễ', 'eeeuooincaoauaeoiaouaelsczze')) || '.'
         || lower(translate(replace(l.last_name, '''', ''), 'éëèüöóíñçãõáúâêôïäőűąęłśćźżễ', 'eeeuooincaoauaeoiaouaelsczze'))
         || '.' || n || '@' || (ARRAY['example.com','example.org','example.net','mail.test'])[1 + h % 4],
       CASE WHEN h % 10 < 7 THEN '+1' || (ARRAY['415','212','312','646','737'])[1 + h % 5] || '5550' || (100 + h % 100) END,
       ARRAY(SELECT t FROM tag_names WHERE k IN ((h % 30) + 1, ((h / 30) % 30) + 1, ((h / 900) % 30) + 1, ((h / 27000) % 30) + 1)
             ORDER BY k LIMIT (h / 7) % 5),
       (ARRAY['website','instagram','referral','podcast','webinar','facebook_ads','linkedin','youtube'])[1 + h % 8],
       CASE WHEN h % 10 < 6 THEN (ARRAY['google','facebook','instagram','newsletter','podcast','linkedin'])[1 + h % 6] END,
       CASE WHEN h % 10 < 6 THEN (ARRAY['cpc','social','email','referral','organic'])[1 + h % 5] END,
       CASE WHEN h % 10 < 6 THEN (ARRAY['spring-bootcamp-2026','free-masterclass','q4-promo','newsletter-weekly'])[1 + h % 4] END,
       created + interval '2 days'
FROM (SELECT n,
             -- a well-mixed, deterministic number per lead drives every choice
             (hashint4(n)::bigint & 2147483647) AS h,
             timestamptz '2024-11-26 00:00:00+00' + (n::bigint * 63072000 / :n) * interval '1 second' AS created
      FROM generate_series(1, :n) AS n) AS g
JOIN names f ON f.k = g.h % 40
JOIN names l ON l.k = (g.h / 40) % 40;

-- The rows below are derived from leads by joins, so their foreign keys hold by construction; checking them
-- row by row (7M times at 1M leads) was most of the load. session_replication_role = replica skips those
-- checks for these three statements; their tables have no other insert triggers.
SET session_replication_role = replica;

-- Two consent entries per lead: email granted at sign-up; SMS granted (or, for some, revoked) a day later.
INSERT INTO lead_consents (lead_id, org_id, channel, granted, captured_at, source, ip, consent_version, recorded_by)
SELECT id, org_id, 'email', true, created_at, 'signup_form', inet '203.0.113.7', 'email-2025-01', 'system:signup' FROM leads
UNION ALL
SELECT id, org_id, 'sms', abs(hashtext(id::text)) % 8 <> 0, created_at + interval '1 day', 'sms_opt_in_form', NULL::inet,
       'sms-2025-03', 'system:signup' FROM leads;

-- About five message events per lead: sent, delivered, opened, clicked, and one more.
INSERT INTO message_events (lead_id, org_id, channel, type, occurred_at, provider_message_id, metadata)
SELECT l.id, l.org_id, CASE WHEN e = 5 THEN 'sms' ELSE 'email' END,
       (ARRAY['sent','delivered','opened','clicked','sent'])[e],
       l.created_at + e * interval '1 hour', 'msg_' || e || '_' || left(l.id::text, 8),
       jsonb_build_object('campaign', 'welcome')
FROM leads l CROSS JOIN generate_series(1, 5) AS e;

-- The lifecycle behind each status.
INSERT INTO lead_status_changes (lead_id, org_id, from_status, to_status, changed_by, changed_at)
SELECT id, org_id, 'waitlist', CASE WHEN status = 'lost' THEN 'lost' ELSE 'invited' END, 'system:bench', created_at + interval '3 days'
FROM leads WHERE status <> 'waitlist'
UNION ALL
SELECT id, org_id, 'invited', 'converted', 'system:bench', created_at + interval '5 days' FROM leads WHERE status = 'converted';

SET session_replication_role = origin;

SET maintenance_work_mem = '1GB';
DO $$
DECLARE saved record;
BEGIN
  FOR saved IN SELECT definition FROM bench_saved_indexes LOOP
    -- A partitioned table's index is defined ON ONLY the parent; built ON the parent, it is built on every partition.
    EXECUTE replace(saved.definition, ' ON ONLY ', ' ON ');
  END LOOP;
END $$;

ANALYZE;
