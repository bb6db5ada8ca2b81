package com.coachintel.leads.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachintel.leads.domain.export.LeadCsv;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Parses an export back with a CSV parser and compares it, field by field, with what the database holds:
 * shared by the persistence tests and the end-to-end export tests.
 */
public final class CsvExportTestSupport {

    /** Leads whose text needs every kind of care: quoting, newlines, non-ASCII, each formula prefix, nulls. */
    public static final List<String[]> TRICKY_NAMES = List.of(
            new String[] {"Anne, Marie", "O\"Neil"},
            new String[] {"Line\nBreak", "Carriage\r\nReturn"},
            new String[] {"Zoë", "Nguyễn 阮"},
            new String[] {"=HYPERLINK(\"http://evil\")", "+SUM(A1)"},
            new String[] {"-2+3", "@cmd"},
            new String[] {"\tTabbed", "\rReturned"},
            new String[] {null, null});

    private CsvExportTestSupport() {
    }

    /** Inserts one lead per {@link #TRICKY_NAMES} entry (and a formula-like source and campaign) and returns their ids. */
    public static List<UUID> insertTrickyLeads(TestDatabase db, UUID org) {
        List<UUID> ids = new ArrayList<>();
        int i = 0;
        for (String[] names : TRICKY_NAMES) {
            i++;
            ids.add(LeadRows.aLead().named(names[0], names[1]).withEmail("tricky" + i + "+tag@example.com")
                    .withTags(i % 2 == 0 ? new String[] {"vip", "q4-promo"} : new String[] {})
                    .withPhone(i % 3 == 0 ? "+14155550123" : null)
                    .withSource(i == 4 ? "=cmd|' /C calc'!A0" : i == 5 ? null : "website")
                    .withUtm(i == 6 ? "-src" : null, null, i == 4 ? "@campaign, \"quoted\"" : null)
                    .lastContactedAt(i % 2 == 0 ? "2026-03-01T10:15:30.123456Z" : null)
                    .createdAt("2026-02-0" + i + "T08:00:00Z")
                    .insert(db, org));
        }
        return ids;
    }

    /** Parses a CSV export: header first, then one list of fields per row. */
    public static List<List<String>> parse(String csv) {
        List<List<String>> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            for (CsvRecord record : reader) {
                records.add(record.getFields());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    /**
     * Asserts that the parsed export holds exactly these leads, in this order, each field equal to the
     * database's value as the export format defines it.
     */
    public static void assertRowsMatchDatabase(TestDatabase db, List<List<String>> records, List<UUID> expectedIds) {
        assertThat(records.get(0)).containsExactlyElementsOf(LeadCsv.HEADER);
        List<List<String>> rows = records.subList(1, records.size());
        assertThat(rows).extracting(row -> row.get(0)).containsExactlyElementsOf(expectedIds.stream().map(UUID::toString).toList());
        for (List<String> row : rows) {
            Map<String, Object> lead = db.rows("""
                    SELECT id, created_at, status, first_name, last_name, email, phone, array_to_string(tags, ';') AS tags,
                           source, utm_source, utm_medium, utm_campaign, last_contacted_at
                    FROM leads WHERE id = CAST(? AS uuid)""", row.get(0)).get(0);
            assertThat(row).as("row of %s", row.get(0)).containsExactly(
                    lead.get("id").toString(),
                    instant(lead.get("created_at")),
                    (String) lead.get("status"),
                    defused(lead.get("first_name")),
                    defused(lead.get("last_name")),
                    defused(lead.get("email")),
                    lead.get("phone") == null ? "" : (String) lead.get("phone"),
                    defused(lead.get("tags")),
                    defused(lead.get("source")),
                    defused(lead.get("utm_source")),
                    defused(lead.get("utm_medium")),
                    defused(lead.get("utm_campaign")),
                    instant(lead.get("last_contacted_at")));
        }
    }

    /** The expected cell for stored text: written independently of LeadCsv, from the OWASP rule. */
    private static String defused(Object value) {
        String text = (String) value;
        if (text == null || text.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String instant(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof OffsetDateTime odt ? odt.toInstant().toString() : ((java.sql.Timestamp) value).toInstant().toString();
    }
}
