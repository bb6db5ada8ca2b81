package com.coachintel.leads.adapter.http;

import com.coachintel.leads.application.leads.GetLeadUseCase;
import com.coachintel.leads.application.leads.ListLeadEventsUseCase;
import com.coachintel.leads.application.leads.ListLeadHistoryUseCase;
import com.coachintel.leads.application.leads.ListLeadsUseCase;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.MessageEvent;
import com.coachintel.leads.domain.MessageChannel;
import com.coachintel.leads.domain.MessageEventType;
import com.coachintel.leads.domain.Violations;
import com.coachintel.leads.domain.query.EventQuery;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.ListPosition;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@code GET /leads}, {@code GET /leads/{id}}, {@code GET /leads/{id}/events} and {@code GET /leads/{id}/history}. */
final class LeadReadHandlers {

    static final Set<String> LIST_PARAMETERS = union(union(FilterParameters.NAMES, QueryParameters.PAGE_PARAMETERS),
            Set.of(LeadCursors.CURSOR));
    static final Set<String> EVENT_PARAMETERS = Set.of("type", "channel", "limit", "offset");

    private final ListLeadsUseCase listLeads;
    private final GetLeadUseCase getLead;
    private final ListLeadEventsUseCase listEvents;
    private final ListLeadHistoryUseCase listHistory;

    private final RecentWriters writers;
    private final ClientDisconnects disconnects;

    LeadReadHandlers(ListLeadsUseCase listLeads, GetLeadUseCase getLead, ListLeadEventsUseCase listEvents,
            ListLeadHistoryUseCase listHistory, ClientDisconnects disconnects, RecentWriters writers) {
        this.disconnects = Objects.requireNonNull(disconnects, "disconnects");
        this.writers = Objects.requireNonNull(writers, "writers");
        this.listLeads = Objects.requireNonNull(listLeads, "listLeads");
        this.getLead = Objects.requireNonNull(getLead, "getLead");
        this.listEvents = Objects.requireNonNull(listEvents, "listEvents");
        this.listHistory = Objects.requireNonNull(listHistory, "listHistory");
    }

    /** The list: the request most often superseded (a keystroke in the search box), so its client is watched. */
    void list(Context ctx) {
        LeadQuery query = leadQuery(ctx);
        var caller = Authentication.caller(ctx);
        disconnects.whileClientWaits(ctx, () -> writers.reading(caller, () -> listLeads.listLeads(caller, query)))
                .ifPresent(page -> JsonResponses.send(ctx, LeadJson.LeadPage.from(page, query)));
    }

    void get(Context ctx) {
        Violations violations = new Violations();
        QueryParameters.of(ctx, Set.of(), violations);
        LeadId id = violations.collect(() -> LeadId.parse(ctx.pathParam("id"), "id"));
        violations.throwIfAny();
        LeadAnswers.detail(ctx, getLead.getLead(Authentication.caller(ctx), id));
    }

    void history(Context ctx) {
        Violations violations = new Violations();
        QueryParameters parameters = QueryParameters.of(ctx, QueryParameters.PAGE_PARAMETERS, violations);
        LeadId id = violations.collect(() -> LeadId.parse(ctx.pathParam("id"), "id"));
        PageRequest page = parameters.page();
        violations.throwIfAny();
        JsonResponses.send(ctx, LeadJson.PageJson.from(listHistory.listHistory(Authentication.caller(ctx), id, page),
                LeadJson.HistoryJson::from));
    }

    void events(Context ctx) {
        Violations violations = new Violations();
        QueryParameters parameters = QueryParameters.of(ctx, EVENT_PARAMETERS, violations);
        LeadId id = violations.collect(() -> LeadId.parse(ctx.pathParam("id"), "id"));
        Set<MessageEventType> types = parameters.enumValues("type", MessageEventType.class,
                MessageEventType::fromWireName, MessageEventType::wireName);
        Set<MessageChannel> channels = parameters.enumValues("channel", MessageChannel.class,
                MessageChannel::fromWireName, MessageChannel::wireName);
        PageRequest page = parameters.page();
        violations.throwIfAny();
        EventQuery query = new EventQuery(types, channels, page);
        Page<MessageEvent> events = listEvents.listEvents(Authentication.caller(ctx), id, query);
        // CoachIntel's drawer reads a JSON array; the page's place in the whole comes in headers.
        Pagination.headers(ctx, events, eventFilters(types, channels));
        JsonResponses.send(ctx, events.items().stream().map(LeadJson.Event::from).toList());
    }

    /** The events' filters as query parameters, in a stable order, for the Link header's targets. */
    private static List<Map.Entry<String, String>> eventFilters(Set<MessageEventType> types, Set<MessageChannel> channels) {
        List<Map.Entry<String, String>> filters = new ArrayList<>();
        types.forEach(type -> filters.add(Map.entry("type", type.wireName())));
        channels.forEach(channel -> filters.add(Map.entry("channel", channel.wireName())));
        return filters;
    }

    private static Set<String> union(Set<String> one, Set<String> other) {
        Set<String> both = new java.util.HashSet<>(one);
        both.addAll(other);
        return Set.copyOf(both);
    }

    /** Reads and validates every list parameter, reporting all bad ones at once. */
    static LeadQuery leadQuery(Context ctx) {
        Violations violations = new Violations();
        QueryParameters parameters = QueryParameters.of(ctx, LIST_PARAMETERS, violations);
        LeadFilters filters = FilterParameters.read(parameters, violations);
        PageRequest page = parameters.page();
        String cursor = parameters.single(LeadCursors.CURSOR);
        if (cursor != null && parameters.single("offset") != null) {
            violations.add(LeadCursors.CURSOR, "cannot be combined with offset: a page starts at an offset or at a cursor");
        }
        Optional<ListPosition> after = violations.isEmpty() ? LeadCursors.read(cursor, filters, violations) : Optional.empty();
        violations.throwIfAny();
        return after.map(position -> new LeadQuery(filters, page).after(position)).orElseGet(() -> new LeadQuery(filters, page));
    }
}
