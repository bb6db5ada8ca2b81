package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.contract.LeadStorageContract;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.idempotency.IdempotencyRecords;
import com.coachintel.leads.domain.port.ConsentLedger;
import com.coachintel.leads.domain.port.LeadExports;
import com.coachintel.leads.domain.port.LeadIntake;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.port.LeadStore;
import com.coachintel.leads.domain.port.MatchingLeads;
import com.coachintel.leads.domain.port.MessageEventLog;
import com.coachintel.leads.domain.port.RateLimiter;
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
        return new Storage() {
            @Override
            public LeadQueries queries() {
                return persistence.leadQueries();
            }

            @Override
            public MatchingLeads matchingLeads() {
                return persistence.matchingLeads();
            }

            @Override
            public LeadStore store() {
                return persistence.leadStore();
            }

            @Override
            public LeadIntake intake() {
                return persistence.leadIntake();
            }

            @Override
            public ConsentLedger consents() {
                return persistence.consentLedger();
            }

            @Override
            public MessageEventLog messageEvents() {
                return persistence.messageEventLog();
            }

            @Override
            public LeadExports exports() {
                return persistence.leadExports();
            }

            @Override
            public IdempotencyRecords idempotency() {
                return persistence.idempotencyRecords();
            }

            @Override
            public RateLimiter rateLimiter() {
                return persistence.rateLimiter();
            }

            @Override
            public OrgId newOrg(String name) {
                return new OrgId(LeadRows.insertOrg(db, name));
            }
        };
    }
}
