package com.coachintel.leads.application.message;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.LeadId;

/** The unsubscribe link of a lead, for a mailer's {@code List-Unsubscribe} header and its mail's footer. */
public interface IssueUnsubscribeLinkUseCase {

    /** {@code <baseUrl>/unsubscribe?lead_id=…&channel=…&v=1&token=…}; {@code baseUrl} without a trailing slash. */
    String unsubscribeUrl(String baseUrl, LeadId lead, ConsentChannel channel);
}
