/**
 * PostgreSQL behind the domain's ports: connection pooling (HikariCP), SQL (Jdbi 3) and the schema
 * (Liquibase). Every value is bound, never concatenated into SQL.
 */
package com.coachintel.leads.adapter.persistence;
