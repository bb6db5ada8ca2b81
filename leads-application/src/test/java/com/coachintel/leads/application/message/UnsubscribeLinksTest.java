package com.coachintel.leads.application.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.LeadId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The test vector of docs/integration.md, computed there with Python's hmac module. */
class UnsubscribeLinksTest {

    static final String SECRET = "leads-unsubscribe-test-secret-0001";
    static final String LEAD = "3f2b8c1e-9d4a-4c2b-8e1f-0a1b2c3d4e5f";
    static final String COACHINTEL_TOKEN = "2wq3qG0h_NBN-mUuGuTSc2bXRhnh8xBHLNRXlWJtMC4";
    static final String V1_EMAIL_TOKEN = "V1Ku37Ia_nQTHi1D6f_MsYftj5-cKq5MRlR3SdTKh18";
    static final String V1_SMS_TOKEN = "pMA0p4btFcoP3jWamB-fyyf44Wjec7jFfzeQCBYIodQ";

    final UnsubscribeLinks links = new UnsubscribeLinks(SECRET);
    final LeadId lead = new LeadId(UUID.fromString(LEAD));

    @Test
    void issues_version_1_links_byte_for_byte_as_documented() {
        assertThat(links.query(lead, ConsentChannel.EMAIL))
                .isEqualTo("lead_id=" + LEAD + "&channel=email&v=1&token=" + V1_EMAIL_TOKEN);
        assertThat(links.query(lead, ConsentChannel.SMS)).endsWith("&channel=sms&v=1&token=" + V1_SMS_TOKEN);
    }

    @Test
    void accepts_its_own_links_and_coachintels_for_email() {
        assertThat(links.verify(LEAD, "email", "1", V1_EMAIL_TOKEN))
                .contains(new UnsubscribeLinks.Verified(lead, ConsentChannel.EMAIL));
        assertThat(links.verify(LEAD, "sms", "1", V1_SMS_TOKEN)).contains(new UnsubscribeLinks.Verified(lead, ConsentChannel.SMS));
        assertThat(links.verify(LEAD, null, null, COACHINTEL_TOKEN))
                .contains(new UnsubscribeLinks.Verified(lead, ConsentChannel.EMAIL));
        assertThat(links.verify(LEAD.toUpperCase(java.util.Locale.ROOT), null, null, COACHINTEL_TOKEN))
                .as("the id is signed in its canonical form").isPresent();
    }

    @Test
    void refuses_tampered_tokens_other_leads_other_channels_and_unknown_versions() {
        String otherLead = "3f2b8c1e-9d4a-4c2b-8e1f-0a1b2c3d4e50";
        String tampered = V1_EMAIL_TOKEN.substring(0, 42) + (V1_EMAIL_TOKEN.charAt(42) == 'A' ? 'B' : 'A');
        assertThat(links.verify(LEAD, "email", "1", tampered)).isEmpty();
        assertThat(links.verify(otherLead, "email", "1", V1_EMAIL_TOKEN)).as("another lead's token").isEmpty();
        assertThat(links.verify(LEAD, "sms", "1", V1_EMAIL_TOKEN)).as("the email token for sms").isEmpty();
        assertThat(links.verify(LEAD, "email", "2", V1_EMAIL_TOKEN)).isEmpty();
        assertThat(links.verify(LEAD, "email", null, COACHINTEL_TOKEN)).as("half of a version 1 link").isEmpty();
        assertThat(links.verify(LEAD, null, null, V1_EMAIL_TOKEN)).isEmpty();
        assertThat(links.verify("not-a-lead", null, null, COACHINTEL_TOKEN)).isEmpty();
        assertThat(links.verify(LEAD, null, null, null)).isEmpty();
        assertThat(links.verify(LEAD, null, null, COACHINTEL_TOKEN + "=")).as("padding is not the token").isEmpty();
        assertThat(new UnsubscribeLinks("another-secret-of-16+").verify(LEAD, null, null, COACHINTEL_TOKEN)).isEmpty();
    }

    @Test
    void a_short_secret_is_refused() {
        assertThatThrownBy(() -> new UnsubscribeLinks("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
