package com.coachintel.leads.application.message;

import com.coachintel.leads.domain.MessageChannel;
import com.coachintel.leads.domain.message.Addressee;
import com.coachintel.leads.domain.message.ProviderReport;
import com.coachintel.leads.domain.port.MessageEventLog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link RecordMessageEventUseCase} over the {@link MessageEventLog} port. */
public final class MessageEventService implements RecordMessageEventUseCase {

    private final MessageEventLog log;

    public MessageEventService(MessageEventLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public Outcome record(ProviderReport report) {
        Optional<Addressee> hinted = report.leadHint().flatMap(log::byId).filter(lead -> hasAddress(lead, report));
        List<Addressee> leads = hinted.map(List::of).orElseGet(() -> report.channel() == MessageChannel.EMAIL
                ? log.byEmail(report.address()) : log.byPhone(report.address()));
        if (leads.isEmpty()) {
            return Outcome.dropped("no lead has the reported address");
        }
        if (leads.size() > 1 && report.scope() == ProviderReport.Scope.MESSAGE) {
            return Outcome.dropped(leads.size() + " leads have the reported address; an engagement event cannot say which");
        }
        int recorded = 0;
        for (Addressee lead : leads) {
            if (log.record(lead, report)) {
                recorded++;
            }
        }
        return new Outcome(recorded, leads.size() - recorded, Optional.empty());
    }

    private static boolean hasAddress(Addressee lead, ProviderReport report) {
        return report.channel() == MessageChannel.EMAIL ? lead.email().equalsIgnoreCase(report.address())
                : report.address().equals(lead.phone());
    }
}
