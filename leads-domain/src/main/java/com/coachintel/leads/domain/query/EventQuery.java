package com.coachintel.leads.domain.query;

import com.coachintel.leads.domain.MessageChannel;
import com.coachintel.leads.domain.MessageEventType;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A filtered, paginated look at one lead's message events, newest first ({@code occurred_at} desc, then id desc).
 *
 * @param types    events of any of these types; empty for all
 * @param channels events on any of these channels; empty for all
 * @param page     the slice to return
 */
public record EventQuery(Set<MessageEventType> types, Set<MessageChannel> channels, PageRequest page) {

    public EventQuery {
        Objects.requireNonNull(page, "page");
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
        channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
    }

    /** Every event, first page. */
    public static EventQuery all() {
        return new EventQuery(Set.of(), Set.of(), PageRequest.first());
    }
}
