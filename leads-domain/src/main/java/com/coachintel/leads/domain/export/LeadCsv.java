package com.coachintel.leads.domain.export;

import com.coachintel.leads.domain.IsoInstants;
import com.coachintel.leads.domain.LeadListItem;
import com.coachintel.leads.domain.Tag;
import java.time.Instant;
import java.util.List;

/**
 * The lead export's 13 fixed columns and how a lead fills them: ISO-8601 UTC timestamps, tags joined with
 * {@code ;}, empty cells for absent values, and text that a spreadsheet would run as a formula defused
 * (OWASP "CSV Injection": a cell that starts with tab or carriage return, or whose first character that is not
 * white space is {@code = + - @} or their
 * fullwidth forms {@code ＝ ＋ － ＠}, or that starts with white space, a control character or a line separator
 * followed by one, gets a leading {@code '}; control characters other than tab and line breaks, such as ESC and BEL,
 * become U+FFFD).
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

    /** A text cell: empty for null, defused when a spreadsheet would read it as a formula (see the class comment). */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        // Judged on the value as stored: a control character in front of '=' still hides a formula.
        String cell = withoutControlCharacters(value);
        return startsLikeAFormula(value) ? "'" + cell : cell;
    }

    /** Whether the first character that is not white space, a control character or a line separator is a trigger. */
    private static boolean startsLikeAFormula(String cell) {
        char first = cell.charAt(0);
        if (first == '\t' || first == '\r') {
            return true; // triggers of their own in OWASP's list
        }
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\uFF1D' || c == '\uFF0B' || c == '\uFF0D' || c == '\uFF20') {
                return true;
            }
            if (!(Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c))) {
                return false;
            }
        }
        return false;
    }

    /**
     * Control characters other than tab, line feed and carriage return (ESC, BEL, ...) replaced with U+FFFD: a viewer
     * or terminal might act on them. Rows hold none unless written by something other than Leads. One scan, and no
     * copy when there is nothing to replace, since every text cell of every exported row passes here.
     */
    private static String withoutControlCharacters(String value) {
        char[] chars = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                if (chars == null) {
                    chars = value.toCharArray();
                }
                chars[i] = '\uFFFD';
            }
        }
        return chars == null ? value : new String(chars);
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
