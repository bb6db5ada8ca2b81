package com.coachintel.leads.application.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LibphonenumberParserTest {

    final LibphonenumberParser us = new LibphonenumberParser("US");

    @ParameterizedTest
    @CsvSource({
        "(415) 555-0123, +14155550123",
        "415.555.0123, +14155550123",
        "+1 415 555 0123, +14155550123",
        "+44 20 7123 4567, +442071234567",
        "+49 30 123456, +4930123456",
    })
    void normalises_valid_numbers_to_e164(String raw, String e164) {
        assertThat(us.parse(raw, "phone").e164()).isEqualTo(e164);
    }

    @Test
    void reads_national_numbers_in_the_default_region() {
        assertThat(new LibphonenumberParser("gb").parse("020 7123 4567", "phone").e164()).isEqualTo("+442071234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "555-0123", "+1 000 000 0000", "call me", "+999 123 456 789", "   "})
    void refuses_what_is_not_a_valid_number_naming_the_field(String raw) {
        assertThatThrownBy(() -> us.parse(raw, "phone"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("phone")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 415 555 0123 ext. 99", "(415) 555-0123 x99", "+44 20 7123 4567;ext=12"})
    void refuses_a_number_with_an_extension_rather_than_dropping_it(String raw) {
        assertThatThrownBy(() -> us.parse(raw, "phone"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> assertThat(v.message()).contains("has an extension").contains("not kept")));
    }

    @Test
    void refuses_long_input_without_parsing_it() {
        assertThatThrownBy(() -> us.parse("1".repeat(65), "phone")).hasMessageContaining("at most 64 characters");
    }

    @Test
    void knows_which_regions_exist() {
        assertThat(LibphonenumberParser.isSupportedRegion("US")).isTrue();
        assertThat(LibphonenumberParser.isSupportedRegion("XX")).isFalse();
        assertThatThrownBy(() -> new LibphonenumberParser("XX")).isInstanceOf(IllegalArgumentException.class);
    }
}
