package com.coachintel.leads.inmemory;

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

/** The storage contract on the in-memory ports. */
class InMemoryStorageContractTest extends LeadStorageContract {

    private static final InMemoryPersistence MEMORY = new InMemoryPersistence();

    @Override
    protected Storage storage() {
        return new Storage() {
            @Override
            public LeadQueries queries() {
                return MEMORY.leadQueries();
            }

            @Override
            public MatchingLeads matchingLeads() {
                return MEMORY.matchingLeads();
            }

            @Override
            public LeadStore store() {
                return MEMORY.leadStore();
            }

            @Override
            public LeadIntake intake() {
                return MEMORY.leadIntake();
            }

            @Override
            public ConsentLedger consents() {
                return MEMORY.consentLedger();
            }

            @Override
            public MessageEventLog messageEvents() {
                return MEMORY.messageEventLog();
            }

            @Override
            public LeadExports exports() {
                return MEMORY.leadExports();
            }

            @Override
            public IdempotencyRecords idempotency() {
                return MEMORY.idempotencyRecords();
            }

            @Override
            public RateLimiter rateLimiter() {
                return MEMORY.rateLimiter();
            }

            @Override
            public OrgId newOrg(String name) {
                return MEMORY.addOrg(name);
            }
        };
    }
}
