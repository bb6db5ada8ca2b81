package com.coachintel.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2026-03-01T10:00:00Z", "2024-02-29T23:59:59Z",
        "2026-11-26T05:35:34.100Z", "2026-11-26T05:35:34.000100Z", "2026-11-26T05:35:34.000000100Z",
        "1969-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
        "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "1900-03-01T12:30:00.5Z"})
    void writes_what_instant_to_string_writes(String text) {
        Instant instant = Instant.parse(text);

        assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString()).isEqualTo(text.replace(".5Z", ".500Z"));
    }

    @Test
    void agrees_with_instant_to_string_across_the_range_and_every_fraction_width() {
        SplittableRandom random = new SplittableRandom(42);
        long first = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long second = random.nextLong(first, last);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nano);
            assertThat(IsoInstants.format(instant)).as("%s", instant).isEqualTo(instant.toString());
        }
        assertThat(IsoInstants.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
        assertThat(IsoInstants.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
    }
}
