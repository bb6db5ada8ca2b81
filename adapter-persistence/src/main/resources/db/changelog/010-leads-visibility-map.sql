--liquibase formatted sql

--changeset leads:010-leads-vacuumed-often
--comment: Deep pages find their ids by an index-only scan of the list-order indexes, which reads the heap only for pages the visibility map does not mark all-visible. Autovacuum's defaults wait for 20 % of a table to change (and 20 % of inserts); at a million leads that leaves hundreds of thousands of rows unmarked between runs. 1 % keeps the map fresh at the cost of a vacuum of the leads table about every 10,000 changed or inserted rows.
ALTER TABLE leads SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_insert_scale_factor = 0.01);
