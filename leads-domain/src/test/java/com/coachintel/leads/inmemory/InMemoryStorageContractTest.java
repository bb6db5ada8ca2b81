package com.coachintel.leads.inmemory;

import com.coachintel.leads.contract.LeadStorageContract;

/** The storage contract on the in-memory ports. */
class InMemoryStorageContractTest extends LeadStorageContract {

    private static final InMemoryPersistence MEMORY = new InMemoryPersistence();

    @Override
    protected Storage storage() {
        return new Storage(MEMORY.leadQueries(), MEMORY.matchingLeads(), MEMORY.leadStore(), MEMORY.leadIntake(),
                MEMORY.consentLedger(), MEMORY.messageEventLog(), MEMORY.leadExports(), MEMORY.idempotencyRecords(),
                MEMORY.rateLimiter(), MEMORY::addOrg);
    }
}
