package com.coachintel.leads.application.message;

import com.coachintel.leads.domain.ConsentChannel;
import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.Uuids;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed unsubscribe links: HMAC-SHA256 keyed with the unsubscribe secret, base64url without padding, compared in
 * constant time. A link never expires: people unsubscribe from old mail. Two forms are accepted (docs/integration.md
 * specifies both byte for byte):
 * <ul>
 *   <li>version 1, which this class issues: {@code lead_id=<id>&channel=<email|sms>&v=1&token=<t>}, where
 *       {@code t = HMAC(secret, "leads-unsubscribe\nv1\n" + channel + "\n" + lead id)};</li>
 *   <li>CoachIntel's mailer's form, for email only: {@code lead_id=<id>&token=<HMAC(secret, lead id)>}.</li>
 * </ul>
 * The lead id is its canonical lower-case text in both.
 */
public final class UnsubscribeLinks {

    /** The key version new links carry. */
    public static final String CURRENT_VERSION = "1";

    private final byte[] secret;

    /** @param secret {@code LEADS_UNSUBSCRIBE_SECRET}, at least 16 characters */
    public UnsubscribeLinks(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < 16) {
            throw new IllegalArgumentException("the unsubscribe secret must be at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The query string of a new link for this lead and channel, to append to {@code <base>/unsubscribe?}. */
    public String query(LeadId lead, ConsentChannel channel) {
        String id = lead.value().toString();
        return "lead_id=" + id + "&channel=" + channel.wireName() + "&v=" + CURRENT_VERSION + "&token="
                + sign(currentMessage(id, channel));
    }

    /**
     * The lead and channel a link's parameters prove, or empty for anything not authentic (tampered, another lead's,
     * an unknown version or channel, a malformed id). Never throws.
     *
     * @param leadId  {@code lead_id}
     * @param channel {@code channel}; absent in CoachIntel's form
     * @param version {@code v}; absent in CoachIntel's form
     * @param token   {@code token}
     */
    public Optional<Verified> verify(String leadId, String channel, String version, String token) {
        Optional<java.util.UUID> id = Uuids.tryParse(leadId);
        if (id.isEmpty() || token == null) {
            return Optional.empty();
        }
        String canonical = id.get().toString();
        ConsentChannel proven;
        String expected;
        if (version == null && channel == null) {
            proven = ConsentChannel.EMAIL;
            expected = sign(canonical);
        } else if (CURRENT_VERSION.equals(version) && channel != null) {
            Optional<ConsentChannel> parsed = channel(channel);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            proven = parsed.get();
            expected = sign(currentMessage(canonical, proven));
        } else {
            return Optional.empty();
        }
        boolean authentic = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.UTF_8));
        return authentic ? Optional.of(new Verified(new LeadId(id.get()), proven)) : Optional.empty();
    }

    private static Optional<ConsentChannel> channel(String value) {
        for (ConsentChannel candidate : ConsentChannel.values()) {
            if (candidate.wireName().equals(value.toLowerCase(Locale.ROOT))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String currentMessage(String leadId, ConsentChannel channel) {
        return "leads-unsubscribe\nv" + CURRENT_VERSION + "\n" + channel.wireName() + "\n" + leadId;
    }

    private String sign(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /**
     * What an authentic link proves.
     *
     * @param lead    whose link it is
     * @param channel the channel to stop
     */
    public record Verified(LeadId lead, ConsentChannel channel) {
        public Verified {
            Objects.requireNonNull(lead, "lead");
            Objects.requireNonNull(channel, "channel");
        }
    }
}
