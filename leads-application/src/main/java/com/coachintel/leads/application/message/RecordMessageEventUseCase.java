package com.coachintel.leads.application.message;

import com.coachintel.leads.domain.message.ProviderReport;
import java.util.Objects;
import java.util.Optional;

/**
 * Records what a provider reports on the leads it concerns, exactly once. Any provider's adapter feeds it: the
 * webhooks of Postmark and Twilio here, another provider's in an embedding service.
 */
public interface RecordMessageEventUseCase {

    /**
     * Finds the leads the report concerns and records it on each. A lead id the message carried is believed only
     * when that lead has the reported address. Otherwise the address decides: one lead, that lead; several (in
     * several orgs, or one phone shared), every one of them for a fact about the address, none for a message's
     * engagement. Never throws for an unknown or ambiguous address: the outcome says it.
     */
    Outcome record(ProviderReport report);

    /**
     * What became of a report.
     *
     * @param recorded   leads on which the event was new and is now recorded
     * @param duplicates leads on which it was already recorded (a redelivery)
     * @param dropped    why nothing was recorded, when so; never names the address
     */
    record Outcome(int recorded, int duplicates, Optional<String> dropped) {
        public Outcome {
            Objects.requireNonNull(dropped, "dropped");
        }

        static Outcome dropped(String why) {
            return new Outcome(0, 0, Optional.of(why));
        }
    }
}
