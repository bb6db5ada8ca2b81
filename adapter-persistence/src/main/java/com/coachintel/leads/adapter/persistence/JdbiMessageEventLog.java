package com.coachintel.leads.adapter.persistence;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.ConsentEntry;
import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.MessageChannel;
import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.message.Addressee;
import com.coachintel.leads.domain.message.ProviderReport;
import com.coachintel.leads.domain.port.MessageEventLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link MessageEventLog} on {@code message_events}: the lead's row lock orders reports on one lead, and the unique
 * {@code (lead_id, event_key)} makes a redelivery, even a concurrent one, write nothing.
 */
final class JdbiMessageEventLog implements MessageEventLog {

    private static final String COLUMNS = "org_id, id, email, phone";

    private final Jdbi jdbi;

    JdbiMessageEventLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<Addressee> byEmail(String email) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM leads WHERE lower(email) = lower(:email) ORDER BY created_at, id LIMIT 100")
                .bind("email", email).map((rs, ctx) -> addressee(rs)).list());
    }

    @Override
    public List<Addressee> byPhone(String e164) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM leads WHERE phone = :phone ORDER BY created_at, id LIMIT 100")
                .bind("phone", e164).map((rs, ctx) -> addressee(rs)).list());
    }

    @Override
    public Optional<Addressee> byId(LeadId lead) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM leads WHERE id = :id")
                .bind("id", lead.value()).map((rs, ctx) -> addressee(rs)).findOne());
    }

    @Override
    public boolean record(Addressee lead, ProviderReport report) {
        return jdbi.inTransaction(handle -> {
            boolean exists = handle.createQuery("SELECT 1 FROM leads WHERE id = :lead AND org_id = :org FOR UPDATE")
                    .bind("lead", lead.lead().value()).bind("org", lead.org().value()).mapTo(Integer.class).findOne()
                    .isPresent();
            if (!exists || !insertEvent(handle, lead, report)) {
                return false;
            }
            // The detail shows last_contacted_at and the consent in force: its version (the ETag) goes up with either,
            // once. A delivery that moves last_contacted_at does so in the same statement.
            boolean bumped = report.contacted() && handle.createUpdate("""
                            UPDATE leads SET last_contacted_at = :at, version = version + 1, updated_at = now()
                            WHERE id = :lead AND (last_contacted_at IS NULL OR last_contacted_at < :at)""")
                    .bind("lead", lead.lead().value()).bind("at", SqlRows.utc(report.occurredAt())).execute() == 1;
            boolean consented = report.consent().isPresent() && appendConsent(handle, lead, report, report.consent().get());
            if (consented && !bumped) {
                handle.createUpdate("UPDATE leads SET version = version + 1, updated_at = now() WHERE id = :lead")
                        .bind("lead", lead.lead().value()).execute();
            }
            return true;
        });
    }

    private static boolean insertEvent(Handle handle, Addressee lead, ProviderReport report) {
        return handle.createUpdate("""
                        INSERT INTO message_events (lead_id, org_id, channel, type, occurred_at, provider_message_id,
                                                    metadata, provider, event_key)
                        VALUES (:lead, :org, :channel, :type, :at, :messageId, CAST(:meta AS jsonb), :provider, :key)
                        ON CONFLICT (lead_id, event_key) WHERE event_key IS NOT NULL DO NOTHING""")
                .bind("lead", lead.lead().value()).bind("org", lead.org().value())
                .bind("channel", report.channel().wireName()).bind("type", report.type().wireName())
                .bind("at", SqlRows.utc(report.occurredAt())).bind("messageId", report.providerMessageId())
                .bind("meta", report.metaJson()).bind("provider", report.provider()).bind("key", report.eventKey())
                .execute() == 1;
    }

    /** Appends the consent unless the one in force already says the same: a second hard bounce is no news. */
    private static boolean appendConsent(Handle handle, Addressee lead, ProviderReport report,
            ProviderReport.ConsentChange change) {
        ConsentChannel channel = report.channel() == MessageChannel.EMAIL ? ConsentChannel.EMAIL : ConsentChannel.SMS;
        Optional<ConsentStatus> inForce = ConsentRows.inForce(handle, lead.lead().value(), channel);
        if (inForce.isPresent() && inForce.get() == change.status()) {
            return false;
        }
        ConsentRows.append(handle, lead.org().value(), lead.lead().value(), new ConsentEntry(channel, change.status(),
                report.occurredAt(), report.provider(), change.reason(), null, null, report.provider()), inForce);
        return true;
    }

    private static Addressee addressee(ResultSet rs) throws SQLException {
        return new Addressee(new OrgId(rs.getObject("org_id", UUID.class)), new LeadId(rs.getObject("id", UUID.class)),
                rs.getString("email"), rs.getString("phone"));
    }
}
