package com.coachintel.leads.adapter.http;

import com.coachintel.leads.domain.LeadId;
import com.coachintel.leads.domain.LeadStatus;
import com.coachintel.leads.domain.Tag;
import com.coachintel.leads.domain.Uuids;
import com.coachintel.leads.domain.Violations;
import com.coachintel.leads.domain.query.CreatedRange;
import com.coachintel.leads.domain.query.LeadFilters;
import com.coachintel.leads.domain.query.ListPosition;
import com.coachintel.leads.domain.query.SearchTerm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The list's keyset cursor on the wire: {@code next_cursor} of one page, {@code cursor} of the next request. Opaque to
 * clients: base64url of {@code v1 <created_at in µs> <id> <hash of the filters>}. It needs no signing key: it only
 * says where to go on in the caller's own org's list, which every read is scoped to anyway, so it works across
 * instances and restarts. The filters' hash makes a cursor used with other filters a 400, not a page of another list.
 */
final class LeadCursors {

    static final String CURSOR = "cursor";
    private static final String VERSION = "v1";
    private static final int MAX_LENGTH = 200;
    private static final String NOT_ISSUED = "is not a cursor this API issued: pass a next_cursor exactly as it was answered";

    private LeadCursors() {
    }

    /** The cursor of the page after {@code last}, for these filters. */
    static String after(ListPosition last, LeadFilters filters) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, last.createdAt());
        String text = VERSION + " " + micros + " " + last.id() + " " + fingerprint(filters);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The position a request's {@code cursor} names; empty without one. A cursor that this API did not issue, or
     * issued for other filters, is recorded in {@code violations} under {@code cursor}.
     */
    static Optional<ListPosition> read(String raw, LeadFilters filters, Violations violations) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        String[] fields = decode(raw).orElse(null);
        Optional<UUID> id = fields == null ? Optional.empty() : Uuids.tryParse(fields[2]);
        Optional<Instant> createdAt = fields == null ? Optional.empty() : micros(fields[1]);
        if (id.isEmpty() || createdAt.isEmpty()) {
            violations.add(CURSOR, NOT_ISSUED);
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(fields[3].getBytes(StandardCharsets.US_ASCII),
                fingerprint(filters).getBytes(StandardCharsets.US_ASCII))) {
            violations.add(CURSOR, "was issued for other filters: repeat the filters (q, status, tag, date_from, date_to) "
                    + "of the request that answered it");
            return Optional.empty();
        }
        return Optional.of(new ListPosition(createdAt.get(), new LeadId(id.get())));
    }

    private static Optional<String[]> decode(String raw) {
        if (raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.US_ASCII);
            String[] fields = text.split(" ", -1);
            return fields.length == 4 && fields[0].equals(VERSION) ? Optional.of(fields) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> micros(String text) {
        if (!text.matches("-?[0-9]{1,19}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.EPOCH.plus(Long.parseLong(text), ChronoUnit.MICROS));
        } catch (ArithmeticException | NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The filters in one canonical text, hashed: a new criterion must say how it is told apart here too. */
    static String fingerprint(LeadFilters filters) {
        String canonical = String.join("\n", filters.visit(new LeadFilters.Visitor<String>() {
            @Override
            public String search(SearchTerm term) {
                return "q=" + term.text();
            }

            @Override
            public String statuses(Set<LeadStatus> any) {
                return "status=" + any.stream().map(LeadStatus::wireName).sorted().collect(Collectors.joining(","));
            }

            @Override
            public String tags(Set<Tag> all) {
                return "tag=" + all.stream().map(Tag::value).sorted().collect(Collectors.joining(";"));
            }

            @Override
            public String created(CreatedRange window) {
                return "created=" + window.from() + "/" + window.toExclusive();
            }
        }));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
