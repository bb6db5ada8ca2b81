package com.coachintel.leads.domain.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CSV formula guard, cell by cell (OWASP "CSV Injection"). */
class LeadCsvTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // plain text stays as it is
        "Ada|Ada",
        "50% off|50% off",
        "a=b|a=b",
        "o'brien|o'brien",
        // the classic triggers
        "=1+1|'=1+1",
        "+1|'+1",
        "-2|'-2",
        "@SUM(A1)|'@SUM(A1)",
        // white space first
        "\"  =cmd\"|\"'  =cmd\"",
        "\"\u00a0=cmd\"|\"'\u00a0=cmd\"",
        // fullwidth forms
        "\uff1dcmd|'\uff1dcmd",
        "\uff0b1|'\uff0b1",
        "\uff0d1|'\uff0d1",
        "\uff20SUM|'\uff20SUM",
        // line separators and control characters first
        "\u2028=cmd|'\u2028=cmd",
        "\u2029+1|'\u2029+1",
        "\"\t=cmd\"|\"'\t=cmd\"",
        "\"\r=cmd\"|\"'\r=cmd\"",
        "\"\n@x\"|\"'\n@x\"",
    })
    void a_cell_that_a_spreadsheet_would_run_gets_a_leading_quote(String raw, String written) {
        assertThat(LeadCsv.text(raw)).isEqualTo(written);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "esc\u001b[31mred|esc\ufffd[31mred",
        "\"bell\u0007\"|bell\ufffd",
        "\"\u001b=cmd\"|'\ufffd=cmd",
        "\"c1\u0085\"|c1\ufffd",
    })
    void control_characters_other_than_tab_and_line_breaks_are_replaced(String raw, String written) {
        assertThat(LeadCsv.text(raw)).isEqualTo(written);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"\"\tTabbed\"|\"'\tTabbed\"", "\"\rReturned\"|\"'\rReturned\"",
        "\" spaced\"|\" spaced\""})
    void a_leading_tab_or_carriage_return_is_a_trigger_of_its_own_and_a_space_is_not(String raw, String written) {
        assertThat(LeadCsv.text(raw)).isEqualTo(written);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {"line one\nline two", "tab\tin between"})
    void tabs_and_line_breaks_inside_a_cell_stay(String raw) {
        assertThat(LeadCsv.text(raw)).isEqualTo(raw);
    }
}
