package com.coachintel.leads.domain.export;

import com.coachintel.leads.domain.IsoInstants;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.Tag;
import java.time.Instant;
import java.util.List;

/**
 * The lead export's 13 fixed columns and how a lead fills them: ISO-8601 UTC timestamps, tags joined with
 * {@code ;}, empty cells for absent values, and text that a spreadsheet would run as a formula defused
 * (OWASP "CSV Injection": a cell starting with {@code = + - @}, tab or carriage return gets a leading {@code '}).
 * Quoting is the CSV writer's job; this class decides only what each cell says.
 */
public final class LeadCsv {

    /** The header row, exactly. */
    public static final List<String> HEADER = List.of("id", "created_at", "status", "first_name", "last_name", "email",
            "phone", "tags", "source", "utm_source", "utm_medium", "utm_campaign", "last_contacted_at");

    private LeadCsv() {
    }

    /** The 13 cells of a lead's row, in header order. */
    public static String[] row(LeadListItem lead) {
        return new String[] {
            lead.id().toString(),
            timestamp(lead.createdAt()),
            lead.status().wireName(),
            text(lead.firstName()),
            text(lead.lastName()),
            text(lead.email()),
            // Stored as validated E.164 ("+14155550123"): a number, never a formula, so it is written as is.
            lead.phone() == null ? "" : lead.phone(),
            text(joinedTags(lead.tags())),
            text(lead.source()),
            text(lead.utmSource()),
            text(lead.utmMedium()),
            text(lead.utmCampaign()),
            timestamp(lead.lastContactedAt())
        };
    }

    /** A text cell: empty for null, defused when a spreadsheet would read it as a formula. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + value : value;
    }

    private static String timestamp(Instant instant) {
        return instant == null ? "" : IsoInstants.format(instant);
    }

    private static String joinedTags(List<Tag> tags) {
        if (tags.isEmpty()) {
            return "";
        }
        StringBuilder joined = new StringBuilder(tags.get(0).value());
        for (int i = 1; i < tags.size(); i++) {
            joined.append(';').append(tags.get(i).value());
        }
        return joined.toString();
    }
}
