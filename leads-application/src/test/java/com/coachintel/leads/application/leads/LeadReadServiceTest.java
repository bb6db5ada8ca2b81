package com.coachintel.leads.application.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.LeadDetails;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.LeadNotFoundException;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.MessageEvent;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.port.LeadQueries;
import com.coachintel.leads.domain.query.EventQuery;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.user.Caller;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LeadReadServiceTest {

    static final OrgId ORG = new OrgId(UUID.randomUUID());
    static final OrgId OTHER_ORG = new OrgId(UUID.randomUUID());
    static final Caller CALLER = new Caller(ORG, "coach@example.com");

    /** In-memory leads keyed by org, answering only for the org asked about. */
    static final class FakeLeadQueries implements LeadQueries {
        final Map<OrgId, List<LeadListItem>> leads = new HashMap<>();
        int detailLimitAsked;

        @Override
        public Page<LeadListItem> list(OrgId org, LeadQuery query) {
            List<LeadListItem> items = leads.getOrDefault(org, List.of());
            return new Page<>(items, items.size(), query.page().limit(), query.page().offset());
        }

        @Override
        public Optional<LeadDetails> details(OrgId org, LeadId lead, int statusChanges) {
            detailLimitAsked = statusChanges;
            return find(org, lead).map(item -> new LeadDetails(item, null, null, null, Optional.empty(), Optional.empty(),
                    List.of()));
        }

        @Override
        public Optional<Page<com.coachintel.leads.domain.HistoryEntry>> history(OrgId org, LeadId lead,
                com.coachintel.leads.domain.query.PageRequest page) {
            return find(org, lead).map(item -> new Page<>(List.of(), 0, page.limit(), page.offset()));
        }

        @Override
        public Optional<Page<MessageEvent>> events(OrgId org, LeadId lead, EventQuery query) {
            return find(org, lead).map(item -> new Page<>(List.of(), 0, query.page().limit(), query.page().offset()));
        }

        Optional<LeadListItem> find(OrgId org, LeadId lead) {
            return leads.getOrDefault(org, List.of()).stream().filter(i -> i.id().equals(lead)).findFirst();
        }
    }

    static LeadListItem lead() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        return new LeadListItem(new LeadId(UUID.randomUUID()), now, now, LeadStatus.WAITLIST, "Ada", "Lovelace",
                "ada@example.com", null, List.of(), null, null, null, null, null, 1);
    }

    final FakeLeadQueries store = new FakeLeadQueries();
    final LeadReadService service = new LeadReadService(store);

    @Test
    void lists_the_callers_org_only() {
        LeadListItem mine = lead();
        store.leads.put(ORG, List.of(mine));
        store.leads.put(OTHER_ORG, List.of(lead()));

        assertThat(service.listLeads(CALLER, LeadQuery.all()).items()).containsExactly(mine);
    }

    @Test
    void gets_a_lead_with_its_ten_latest_status_changes() {
        LeadListItem mine = lead();
        store.leads.put(ORG, List.of(mine));

        assertThat(service.getLead(CALLER, mine.id()).lead()).isEqualTo(mine);
        assertThat(store.detailLimitAsked).isEqualTo(GetLeadUseCase.RECENT_STATUS_CHANGES);
    }

    @Test
    void another_orgs_lead_is_not_found_exactly_like_a_missing_one() {
        LeadListItem theirs = lead();
        store.leads.put(OTHER_ORG, List.of(theirs));
        LeadId missing = new LeadId(UUID.randomUUID());

        assertThatThrownBy(() -> service.getLead(CALLER, theirs.id())).isInstanceOf(LeadNotFoundException.class)
                .hasMessage("No lead " + theirs.id() + " in your organisation");
        assertThatThrownBy(() -> service.getLead(CALLER, missing)).isInstanceOf(LeadNotFoundException.class);
        assertThatThrownBy(() -> service.listEvents(CALLER, theirs.id(), EventQuery.all()))
                .isInstanceOf(LeadNotFoundException.class);
    }
}
