package com.coachintel.leads.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TagTest {

    @Test
    void trims_and_lower_cases() {
        assertThat(Tag.parse("  VIP Client ", "tag")).isEqualTo(new Tag("vip client"));
        assertThat(Tag.parse("Q4-promo_2026", "tag").value()).isEqualTo("q4-promo_2026");
        assertThat(Tag.parse("Ünïcödé", "tag").value()).isEqualTo("ünïcödé");
    }

    @Test
    void accepts_exactly_40_characters() {
        assertThat(Tag.parse("a".repeat(40), "tag").value()).hasSize(40);
        assertThatThrownBy(() -> Tag.parse("a".repeat(41), "tags[3]"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("tags[3]");
                        assertThat(v.message()).contains("longer than 40 characters");
                    });
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,b", "semi;colon", "<script>", "tab\there", "line\nbreak", "nul\u0000", "$5", "a=b",
        "=cmd|' /c calc'!a0", "zero\u200bwidth", "bidi\u202eoverride", "no\u00a0break", "c1\u0085control", "ideo\u3000space"})
    void rejects_other_characters_naming_the_tag(String raw) {
        assertThatThrownBy(() -> Tag.parse(raw, "tag"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("may contain only letters, digits, spaces and - _ % & + # . / : ' !");
    }

    @Test
    void a_semicolon_is_named_as_the_tag_separator() {
        assertThatThrownBy(() -> Tag.parse("a;b", "tag")).hasMessageContaining("not ';', which separates tags");
    }

    @ParameterizedTest
    @ValueSource(strings = {"50% off", "Q&A", "c++", "#1 fan", "dot.ted", "a/b testing", "time:10", "O'Brien", "wow!",
        "fair 2026", "शिक्षा", "日本語", "ünïcödé", "emoji🙂", "©2026", "→next", "ｖｉｐ"})
    void accepts_what_people_write_as_tags(String raw) {
        assertThat(Tag.parse(raw, "tag").value()).isEqualTo(java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFC)
                .strip().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void tags_are_nfc_normalised_so_that_one_spelling_is_one_tag() {
        String decomposed = "cafe\u0301"; // e + combining acute accent
        assertThat(Tag.parse(decomposed, "tag")).isEqualTo(Tag.parse("caf\u00e9", "tag"));
        assertThat(Tag.parse(decomposed, "tag").value()).isEqualTo("caf\u00e9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void rejects_empty_tags(String raw) {
        assertThatThrownBy(() -> Tag.parse(raw, "tag")).hasMessageContaining("must not be empty");
    }

    @Test
    void the_constructor_accepts_only_normalised_values() {
        assertThatThrownBy(() -> new Tag("VIP")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Tag(" vip")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accepts_exactly_the_characters_of_the_documented_rule() {
        java.util.regex.Pattern ascii = java.util.regex.Pattern.compile("[a-z0-9 _%&+#./:'!-]");
        for (int codePoint = 1; codePoint <= Character.MAX_CODE_POINT; codePoint += codePoint < 0x10000 ? 1 : 13) {
            String character = Character.toString(codePoint);
            boolean expected = codePoint < 0x80 ? ascii.matcher(character.toLowerCase(java.util.Locale.ROOT)).matches()
                    : !(codePoint <= 0xA0 || codePoint == 0xAD || codePoint == 0x61C || codePoint == 0x1680
                            || codePoint == 0x180E || (codePoint >= 0x2000 && codePoint <= 0x200F)
                            || (codePoint >= 0x2028 && codePoint <= 0x202F) || (codePoint >= 0x205F && codePoint <= 0x206F)
                            || codePoint == 0x3000 || Character.isSurrogate((char) codePoint) && codePoint < 0x10000
                            || codePoint == 0xFEFF || (codePoint >= 0xFFF9 && codePoint <= 0xFFFB)
                            || codePoint == 0xFFFE || codePoint == 0xFFFF);
            assertThat(Tag.isAllowedCharacter(codePoint)).as("U+%04X", codePoint).isEqualTo(expected);
        }
    }
}
