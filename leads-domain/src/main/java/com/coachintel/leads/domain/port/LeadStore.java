package com.coachintel.leads.domain.port;

import com.coachintel.leads.domain.Lead;
import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadUpdate;
import com.coachintel.leads.domain.OrgId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** The write side of the lead store. */
public interface LeadStore {

    /**
     * Changes one lead atomically: locks it, checks the expected version, applies {@code change} to it and,
     * if the update changed anything, stores the lead (version + 1) with its status change and field audit,
     * all in one transaction. Concurrent calls for the same lead run one after the other, so none is lost. The
     * answer is read in that same transaction, before it commits: it is the lead as this change left it, never
     * with a later writer's change mixed in.
     *
     * @param expectedVersion when present, the version the caller read; any other current version fails
     * @return the update {@code change} produced, and the lead's detail (with its
     *         {@value LeadDetails#RECENT_STATUS_CHANGES} latest status changes) as the transaction left it
     * @throws com.coachintel.leads.domain.LeadNotFoundException     when the org has no such lead
     * @throws com.coachintel.leads.domain.VersionMismatchException when the lead is at another version
     */
    Written update(OrgId org, LeadId id, Optional<Long> expectedVersion, Function<Lead, LeadUpdate> change);

    /**
     * What {@link #update} did and what it left.
     *
     * @param update the update the change produced (unchanged when it changed nothing)
     * @param lead   the lead's detail as the update's transaction left it
     */
    record Written(LeadUpdate update, LeadDetails lead) {
        public Written {
            Objects.requireNonNull(update, "update");
            Objects.requireNonNull(lead, "lead");
        }
    }
}
