package com.coachintel.leads.domain.port;

import com.coachintel.leads.domain.Lead;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadUpdate;
import com.coachintel.leads.domain.OrgId;
import java.util.Optional;
import java.util.function.Function;

/** The write side of the lead store. */
public interface LeadStore {

    /**
     * Changes one lead atomically: locks it, checks the expected version, applies {@code change} to it and,
     * if the update changed anything, stores the lead (version + 1) with its status change and field audit,
     * all in one transaction. Concurrent calls for the same lead run one after the other, so none is lost.
     *
     * @param expectedVersion when present, the version the caller read; any other current version fails
     * @return the update {@code change} produced
     * @throws com.coachintel.leads.domain.LeadNotFoundException     when the org has no such lead
     * @throws com.coachintel.leads.domain.VersionMismatchException when the lead is at another version
     */
    LeadUpdate update(OrgId org, LeadId id, Optional<Long> expectedVersion, Function<Lead, LeadUpdate> change);
}
