package com.coachintel.leads.domain.port;

import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.query.LeadFilters;
import java.io.IOException;

/** Every lead of an org that matches a filter, streamed in list order: what an export reads. */
public interface MatchingLeads {

    /**
     * Hands each matching lead, newest first ({@code created_at} desc, then id desc), to {@code each}, in
     * constant memory whatever the number of leads. When {@code each} throws, the read stops, its resources are
     * released before this returns, and the exception propagates.
     *
     * @return how many leads were handed over
     * @throws IOException when {@code each} does
     */
    long forEach(OrgId org, LeadFilters filters, Consumer each) throws IOException;

    /** Takes one lead; may fail with an {@link IOException} (the output it writes to went away). */
    @FunctionalInterface
    interface Consumer {
        void accept(LeadListItem lead) throws IOException;
    }
}
