package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.RecordedConsent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Appending to and reading {@code lead_consents}, the append-only ledger. */
final class ConsentRows {

    static final String COLUMNS = "id, channel, granted, captured_at, source, consent_version, host(ip) AS ip, user_agent,"
            + " recorded_by, recorded_at";

    private ConsentRows() {
    }

    /**
     * Appends {@code entry} to a lead's ledger and records in its history how the consent in force on that channel
     * changed (an entry captured earlier than the one in force changes nothing in force, and history says so).
     * The caller holds the lead's row lock, so appends to one lead run one after the other.
     */
    static RecordedConsent append(Handle handle, UUID org, UUID lead, ConsentEntry entry) {
        return append(handle, org, lead, entry, inForce(handle, lead, entry.channel()));
    }

    /** {@link #append(Handle, UUID, UUID, ConsentEntry)} for a caller that has just read the consent in force. */
    static RecordedConsent append(Handle handle, UUID org, UUID lead, ConsentEntry entry, Optional<ConsentStatus> before) {
        RecordedConsent recorded = handle.createQuery("""
                        INSERT INTO lead_consents (lead_id, org_id, channel, granted, captured_at, source, consent_version,
                                                   ip, user_agent, recorded_by)
                        VALUES (:lead, :org, :channel, :granted, :capturedAt, :source, :version, CAST(:ip AS inet),
                                :userAgent, :by)
                        RETURNING\s""" + COLUMNS)
                .bind("lead", lead).bind("org", org).bind("channel", entry.channel().wireName())
                .bind("granted", entry.granted()).bind("capturedAt", SqlRows.utc(entry.capturedAt()))
                .bind("source", entry.source()).bind("version", entry.textVersion()).bind("ip", entry.ip())
                .bind("userAgent", entry.userAgent()).bind("by", entry.recordedBy())
                .map((rs, ctx) -> read(rs))
                .one();
        Optional<ConsentStatus> after = inForce(handle, lead, entry.channel());
        HistoryRows.insert(handle, lead, org, HistoryRows.CONSENT_PREFIX + entry.channel().wireName(),
                before.map(ConsentStatus::wireName).orElse(null), after.map(ConsentStatus::wireName).orElse(null),
                entry.recordedBy(), recorded.recordedAt());
        return recorded;
    }

    /** The status of the channel's entry in force: latest captured, then latest recorded. */
    static Optional<ConsentStatus> inForce(Handle handle, UUID lead, ConsentChannel channel) {
        return handle.createQuery("""
                        SELECT granted FROM lead_consents WHERE lead_id = :lead AND channel = :channel
                        ORDER BY captured_at DESC, id DESC LIMIT 1""")
                .bind("lead", lead).bind("channel", channel.wireName())
                .mapTo(Boolean.class).findOne().map(ConsentStatus::of);
    }

    static RecordedConsent read(ResultSet rs) throws SQLException {
        String storedChannel = rs.getString("channel");
        ConsentChannel channel = ConsentChannel.fromWireName(storedChannel)
                .orElseThrow(() -> new SQLException("unknown consent channel " + storedChannel));
        ConsentEntry entry = new ConsentEntry(channel, ConsentStatus.of(rs.getBoolean("granted")),
                SqlRows.instant(rs, "captured_at"), rs.getString("source"), rs.getString("consent_version"),
                rs.getString("ip"), rs.getString("user_agent"),
                rs.getString("recorded_by") == null ? "unknown" : rs.getString("recorded_by"));
        return new RecordedConsent(rs.getLong("id"), entry, SqlRows.instant(rs, "recorded_at"));
    }
}
