package com.coachintel.leads.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachintel.leads.domain.ValidationException;
import com.coachintel.leads.domain.Violations;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void decodes_escapes_plus_signs_and_literal_characters_beyond_the_bmp() {
        Violations violations = new Violations();

        var decoded = QueryParameters.decode("q=caf%C3%A9+%F0%9F%99%82&tag=\uD83D\uDE42+vip&empty=", violations);

        assertThat(violations.isEmpty()).isTrue();
        assertThat(decoded.get("q")).containsExactly("café 🙂");
        assertThat(decoded.get("tag")).as("a literal emoji beside a '+'").containsExactly("🙂 vip");
        assertThat(decoded.get("empty")).containsExactly("");
    }

    @Test
    void broken_escapes_and_invalid_utf8_are_violations_naming_the_parameter() {
        Violations violations = new Violations();

        var decoded = QueryParameters.decode("status=%zz&q=%C3%28&limit=%", violations);

        assertThat(decoded).isEmpty();
        assertThatThrownBy(violations::throwIfAny).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(ValidationException.Violation::field)
                        .containsExactly("status", "q", "limit"));
    }
}
