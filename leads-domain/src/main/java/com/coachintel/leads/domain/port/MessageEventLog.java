package com.coachintel.leads.domain.port;

import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.message.Addressee;
import com.coachintel.leads.domain.message.ProviderReport;
import java.util.List;
import java.util.Optional;

/**
 * Where providers' reports are recorded. Unlike the other ports it finds leads across orgs: a provider's webhook
 * names an address or a lead id, never an org. What it returns goes only to the effects of that report.
 */
public interface MessageEventLog {

    /** The leads whose email is {@code email} (case-insensitively), in every org. */
    List<Addressee> byEmail(String email);

    /** The leads whose phone is {@code e164}, in every org. */
    List<Addressee> byPhone(String e164);

    /** The lead with this id, in whatever org. */
    Optional<Addressee> byId(LeadId lead);

    /**
     * Records the report on the lead, exactly once: when an event with the same {@link ProviderReport#eventKey()} is
     * already recorded on this lead (a redelivery, or a concurrent duplicate), nothing is written. Otherwise, in one
     * transaction, the event, its consent entry (source the provider, recorded by it) and the lead's
     * {@code last_contacted_at} (never moved backwards).
     *
     * @return whether the event was new
     */
    boolean record(Addressee lead, ProviderReport report);
}
