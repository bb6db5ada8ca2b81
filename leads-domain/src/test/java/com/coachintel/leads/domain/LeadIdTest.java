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
        assertThat(LeadId.parse(uuid.toString().toUpperCase(java.util.Locale.ROOT), "id").value()).isEqualTo(uuid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "42", "not-a-uuid", "1-1-1-1-1", "3f2b8c1e-0000-0000-0000-00000000000g",
        // 36 characters that UUID.fromString reads as another id: groups of the wrong lengths, a sign
        "024aeca23-408-4b2c-8e1f-0a1b2c3d4e5f", "3f2b8c1e-9d4a-4c2b-8e1f+0a1b2c3d4e5f", "+f2b8c1e-9d4a-4c2b-8e1f-0a1b2c3d4e5f",
        "３f2b8c1e-9d4a-4c2b-8e1f-0a1b2c3d4e5"})
    void rejects_anything_else_naming_the_field(String text) {
        assertThatThrownBy(() -> LeadId.parse(text, "id"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("id")));
    }
}
