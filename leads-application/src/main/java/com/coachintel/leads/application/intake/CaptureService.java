package com.coachintel.leads.application.intake;

import com.coachintel.leads.domain.OrgId;
import com.coachintel.leads.domain.port.LeadIntake;
import com.coachintel.leads.domain.port.PhoneNumberParser;
import com.coachintel.leads.domain.port.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Public capture into one org. The rate limit is counted before anything else, so that even invalid attempts
 * use up a client's allowance: the endpoint is open to anyone.
 */
public final class CaptureService implements CaptureLeadUseCase {

    /** The window the per-client limit counts in. */
    public static final Duration WINDOW = Duration.ofMinutes(1);

    private final LeadIntake intake;
    private final PhoneNumberParser phones;
    private final RateLimiter limiter;
    private final Clock clock;
    private final Settings settings;

    /**
     * Where captured leads go and how many attempts a client may make.
     *
     * @param org             the org captured leads belong to
     * @param perClientPerMinute how many captures one client address may send per minute
     */
    public record Settings(OrgId org, int perClientPerMinute) {
        public Settings {
            Objects.requireNonNull(org, "org");
            if (perClientPerMinute < 1) {
                throw new IllegalArgumentException("the limit must be at least 1 per minute, got " + perClientPerMinute);
            }
        }
    }

    public CaptureService(LeadIntake intake, PhoneNumberParser phones, RateLimiter limiter, Clock clock, Settings settings) {
        this.intake = Objects.requireNonNull(intake, "intake");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public LeadIntake.CaptureOutcome capture(CaptureLeadCommand command) {
        String client = command.clientIp() == null ? "unknown" : command.clientIp();
        RateLimiter.Decision decision = limiter.acquire("capture:" + client, settings.perClientPerMinute(), WINDOW);
        if (!decision.allowed()) {
            throw new RateLimitedException(decision.retryAfter());
        }
        return intake.capture(command.validate(settings.org(), phones, clock.instant()));
    }
}
