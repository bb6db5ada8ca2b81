package com.coachintel.leads.application.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.port.MatchingLeads;
import com.coachintel.leads.domain.query.LeadFilters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LeadCsvWriterTest {

    static final OrgId ORG = new OrgId(UUID.fromString("6a0f4c3e-2b1d-4e5f-8a9b-0c1d2e3f4a5b"));
    static final Instant CREATED = Instant.parse("2026-02-01T08:00:00Z");

    static LeadListItem lead(String firstName, String lastName, String source, String utmCampaign) {
        return new LeadListItem(new LeadId(UUID.randomUUID()), CREATED, CREATED, LeadStatus.INVITED, firstName, lastName,
                "lead@example.com", "+14155550123", List.of(new Tag("vip"), new Tag("q4-promo")), source, "-src", null,
                utmCampaign, Instant.parse("2026-03-01T10:15:30.123456Z"), 1);
    }

    static final List<LeadListItem> TRICKY = List.of(
            lead("Anne, Marie", "O\"Neil", "website", null),
            lead("Line\nBreak", "Zoë", "=cmd|' /C calc'!A0", "@campaign, \"quoted\""),
            lead("=HYPERLINK(\"x\")", "Nguyễn 阮", null, null));

    /** A stream of these leads that records whether it was ended early. */
    static final class Leads implements MatchingLeads {
        final List<LeadListItem> leads;
        final AtomicBoolean stoppedEarly = new AtomicBoolean();

        Leads(List<LeadListItem> leads) {
            this.leads = leads;
        }

        @Override
        public long forEach(OrgId org, LeadFilters filters, Consumer each) throws IOException {
            long handed = 0;
            try {
                for (LeadListItem lead : leads) {
                    each.accept(lead);
                    handed++;
                }
            } catch (IOException | RuntimeException e) {
                stoppedEarly.set(true);
                throw e;
            }
            return handed;
        }
    }

    @Test
    void writes_the_header_then_one_row_per_lead_quoting_what_needs_quoting_and_defusing_formulas() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long rows = new LeadCsvWriter(new Leads(TRICKY)).write(ORG, LeadFilters.none(), out);

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(rows).isEqualTo(3);
        assertThat(text).startsWith("id,created_at,status,first_name,last_name,email,phone,tags,source,utm_source,"
                + "utm_medium,utm_campaign,last_contacted_at\r\n");
        assertThat(text.split("\r\n", -1)).hasSize(5); // header, three rows, and the empty rest after the last CRLF
        assertThat(text).contains("\"Anne, Marie\"", "\"O\"\"Neil\"", "\"Line\nBreak\"", "Zoë", "Nguyễn 阮");
        assertThat(text).contains("'=cmd|' /C calc'!A0", "'-src", "\"'@campaign, \"\"quoted\"\"\"", "\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(text).contains("vip;q4-promo", "2026-03-01T10:15:30.123456Z", "+14155550123");
    }

    @Test
    void no_lead_is_the_header_alone() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(new LeadCsvWriter(new Leads(List.of())).write(ORG, LeadFilters.none(), out)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("last_contacted_at\r\n").doesNotContain("\r\n\r\n");
    }

    @Test
    void an_output_that_fails_ends_the_stream_and_reaches_the_caller_and_the_output_is_never_closed() {
        List<LeadListItem> many = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            many.add(lead("Ada", "Lovelace", "website", null));
        }
        Leads leads = new Leads(many);
        AtomicBoolean closed = new AtomicBoolean();
        OutputStream brokenPipe = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void close() {
                closed.set(true);
            }
        };

        assertThatThrownBy(() -> new LeadCsvWriter(leads).write(ORG, LeadFilters.none(), brokenPipe))
                .isInstanceOf(IOException.class).hasMessage("Broken pipe");
        assertThat(leads.stoppedEarly).isTrue();
        assertThat(closed).isFalse();
    }
}
