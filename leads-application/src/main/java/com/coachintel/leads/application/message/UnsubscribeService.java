package com.coachintel.leads.application.message;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.ConsentStatus;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.MessageChannel;
import com.coachintel.leads.domain.MessageEventType;
import com.coachintel.leads.domain.message.Addressee;
import com.coachintel.leads.domain.message.ProviderReport;
import com.coachintel.leads.domain.port.MessageEventLog;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link UnsubscribeUseCase} and {@link IssueUnsubscribeLinkUseCase} over {@link UnsubscribeLinks} and the
 * {@link MessageEventLog}: an unsubscribe is recorded like a provider's opt-out, as an {@code unsubscribed} event
 * with its revoked consent, so it is exactly once per lead, channel and minute (a mail client's POST and the
 * person's own click), and a consent already revoked gets no second entry.
 */
public final class UnsubscribeService implements UnsubscribeUseCase, IssueUnsubscribeLinkUseCase {

    /** The consent entry's source, and the event's provider. */
    public static final String SOURCE = "unsubscribe-link";

    private final UnsubscribeLinks links;
    private final MessageEventLog log;
    private final Clock clock;

    public UnsubscribeService(UnsubscribeLinks links, MessageEventLog log, Clock clock) {
        this.links = Objects.requireNonNull(links, "links");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void unsubscribe(String leadId, String channel, String version, String token) {
        Optional<UnsubscribeLinks.Verified> verified = links.verify(leadId, channel, version, token);
        Optional<Addressee> lead = verified.flatMap(v -> log.byId(v.lead()));
        if (lead.isEmpty()) {
            return;
        }
        ConsentChannel stopped = verified.get().channel();
        MessageChannel messages = stopped == ConsentChannel.EMAIL ? MessageChannel.EMAIL : MessageChannel.SMS;
        Instant now = clock.instant();
        String address = messages == MessageChannel.EMAIL ? lead.get().email() : Objects.toString(lead.get().phone(), "");
        log.record(lead.get(), new ProviderReport(SOURCE, SOURCE + ":" + stopped.wireName() + ":"
                + now.truncatedTo(ChronoUnit.MINUTES), messages, MessageEventType.UNSUBSCRIBED, now, address, Optional.empty(),
                null, "{\"source\":\"" + SOURCE + "\"}", ProviderReport.Scope.MESSAGE,
                Optional.of(new ProviderReport.ConsentChange(ConsentStatus.REVOKED, "one-click")), false));
    }

    @Override
    public String unsubscribeUrl(String baseUrl, LeadId lead, ConsentChannel channel) {
        return baseUrl + "/unsubscribe?" + links.query(lead, channel);
    }
}
