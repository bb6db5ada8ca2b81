package com.coachintel.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ViolationsTest {

    @Test
    void collects_every_violation_then_throws_them_together() {
        Violations violations = new Violations();

        Tag good = violations.collect(() -> Tag.parse("vip", "tag"));
        Tag bad = violations.collect(() -> Tag.parse("a,b", "tag"));
        violations.add("limit", "must be a whole number");

        assertThat(good).isEqualTo(new Tag("vip"));
        assertThat(bad).isNull();
        assertThatThrownBy(violations::throwIfAny)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).containsExactly("tag", "limit"));
    }

    @Test
    void throws_nothing_when_nothing_was_found() {
        Violations violations = new Violations();
        violations.collect(() -> Tag.parse("vip", "tag"));

        assertThat(violations.isEmpty()).isTrue();
        violations.throwIfAny();
    }
}
