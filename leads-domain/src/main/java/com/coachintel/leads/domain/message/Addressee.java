package com.coachintel.leads.domain.message;

import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.OrgId;
import java.util.Objects;

/**
 * A lead as a provider's report reaches it: by address, across orgs, since providers know addresses, not orgs.
 *
 * @param org   the lead's org
 * @param lead  the lead
 * @param email its email as stored
 * @param phone its phone (E.164); may be null
 */
public record Addressee(OrgId org, LeadId lead, String email, String phone) {

    public Addressee {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(email, "email");
    }
}
