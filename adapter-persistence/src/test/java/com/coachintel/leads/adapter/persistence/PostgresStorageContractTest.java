package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.contract.LeadStorageContract;
import com.coachintel.leads.domain.OrgId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The storage contract on PostgreSQL: the same tests the in-memory ports pass. */
class PostgresStorageContractTest extends LeadStorageContract {

    static TestDatabase db;
    static PostgresPersistence persistence;

    @BeforeAll
    static void open() {
        db = TestPostgres.freshDatabase();
        persistence = new PostgresPersistence(db.dataSource());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Override
    protected Storage storage() {
        return new Storage(persistence.leadQueries(), persistence.matchingLeads(), persistence.leadStore(),
                persistence.leadIntake(), persistence.consentLedger(), persistence.messageEventLog(),
                persistence.leadExports(), persistence.idempotencyRecords(), persistence.rateLimiter(),
                name -> new OrgId(LeadRows.insertOrg(db, name)));
    }
}
