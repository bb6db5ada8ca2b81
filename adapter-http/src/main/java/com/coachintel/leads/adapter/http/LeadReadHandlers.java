package com.coachintel.leads.adapter.http;

import com.coachintel.leads.application.leads.GetLeadUseCase;
import com.coachintel.leads.application.leads.ListLeadEventsUseCase;
import com.coachintel.leads.application.leads.ListLeadHistoryUseCase;
import com.coachintel.leads.application.leads.ListLeadsUseCase;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.MessageEvent;
import com.coachintel.leads.domain.MessageChannel;
import com.coachintel.leads.domain.MessageEventType;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.Violations;
import com.coachintel.leads.domain.query.CreatedRange;
import com.coachintel.leads.domain.query.EventQuery;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.LeadQuery;
import com.coachintel.leads.domain.query.Page;
import com.coachintel.leads.domain.query.PageRequest;
import com.coachintel.leads.domain.query.SearchTerm;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code GET /leads}, {@code GET /leads/{id}}, {@code GET /leads/{id}/events} and {@code GET /leads/{id}/history}. */
final class LeadReadHandlers {

    static final Set<String> FILTER_PARAMETERS = Set.of("q", "status", "tag", "date_from", "date_to");
    static final Set<String> LIST_PARAMETERS = Set.of("q", "status", "tag", "date_from", "date_to", "limit", "offset");
    static final Set<String> EVENT_PARAMETERS = Set.of("type", "channel", "limit", "offset");

    private final ListLeadsUseCase listLeads;
    private final GetLeadUseCase getLead;
    private final ListLeadEventsUseCase listEvents;
    private final ListLeadHistoryUseCase listHistory;

    LeadReadHandlers(ListLeadsUseCase listLeads, GetLeadUseCase getLead, ListLeadEventsUseCase listEvents,
            ListLeadHistoryUseCase listHistory) {
        this.listLeads = Objects.requireNonNull(listLeads, "listLeads");
        this.getLead = Objects.requireNonNull(getLead, "getLead");
        this.listEvents = Objects.requireNonNull(listEvents, "listEvents");
        this.listHistory = Objects.requireNonNull(listHistory, "listHistory");
    }

    void list(Context ctx) {
        LeadQuery query = leadQuery(ctx);
        JsonResponses.send(ctx, LeadJson.PageJson.from(listLeads.listLeads(Authentication.caller(ctx), query), lead -> lead));
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
        Set<MessageEventType> types = enumValues(parameters, "type", MessageEventType.class,
                MessageEventType::fromWireName, MessageEventType::wireName, violations);
        Set<MessageChannel> channels = enumValues(parameters, "channel", MessageChannel.class,
                MessageChannel::fromWireName, MessageChannel::wireName, violations);
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

    /** Reads and validates every list parameter, reporting all bad ones at once. */
    static LeadQuery leadQuery(Context ctx) {
        Violations violations = new Violations();
        QueryParameters parameters = QueryParameters.of(ctx, LIST_PARAMETERS, violations);
        LeadFilters filters = filters(parameters, violations);
        PageRequest page = parameters.page();
        violations.throwIfAny();
        return new LeadQuery(filters, page);
    }

    /** The filter parameters shared by the list and the exports: q, status, tag, date_from, date_to. */
    static LeadFilters filters(QueryParameters parameters, Violations violations) {
        Optional<SearchTerm> search = Objects.requireNonNullElse(
                violations.collect(() -> SearchTerm.parse(parameters.single("q"), "q")), Optional.empty());
        Set<LeadStatus> statuses = enumValues(parameters, "status", LeadStatus.class, LeadStatus::fromWireName,
                LeadStatus::wireName, violations);
        Set<Tag> tags = new LinkedHashSet<>();
        for (String raw : parameters.list("tag", false)) {
            Tag tag = violations.collect(() -> Tag.parse(raw, "tag"));
            if (tag != null) {
                tags.add(tag);
            }
        }
        if (tags.size() > LeadQuery.MAX_TAGS) {
            violations.add("tag", "at most " + LeadQuery.MAX_TAGS + " tags, got " + tags.size());
        }
        Instant from = parameters.windowStart("date_from");
        Instant toExclusive = parameters.windowEndExclusive("date_to");
        CreatedRange created = violations.collect(() -> new CreatedRange(from, toExclusive));
        if (!violations.isEmpty()) {
            return LeadFilters.none(); // never used: the caller throws the violations
        }
        return new LeadFilters(search, statuses, tags, created);
    }

    private static <E extends Enum<E>> Set<E> enumValues(QueryParameters parameters, String name, Class<E> type,
            Function<String, Optional<E>> parse, Function<E, String> wireName, Violations violations) {
        Set<E> result = EnumSet.noneOf(type);
        for (String value : parameters.list(name, true)) {
            Optional<E> parsed = parse.apply(value);
            if (parsed.isPresent()) {
                result.add(parsed.get());
            } else {
                String accepted = Arrays.stream(type.getEnumConstants()).map(wireName).collect(Collectors.joining(", "));
                violations.add(name, "'" + QueryParameters.abbreviate(value) + "' is not one of " + accepted);
            }
        }
        return result;
    }
}
