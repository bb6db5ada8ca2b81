package com.coachintel.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LeadIdTest {

    @Test
    void parses_canonical_uuids() {
        UUID uuid = UUID.randomUUID();
        assertThat(LeadId.parse(uuid.toString(), "id").value()).isEqualTo(uuid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "42", "not-a-uuid", "1-1-1-1-1", "3f2b8c1e-0000-0000-0000-00000000000g"})
    void rejects_anything_else_naming_the_field(String text) {
        assertThatThrownBy(() -> LeadId.parse(text, "id"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("id")));
    }
}
