package dateline.markup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {
    @Test
    void joins_lower_case_words_with_hyphens() {
        assertThat(Slugs.of("Harbour Bridge Reopens, After 2 Years!")).isEqualTo("harbour-bridge-reopens-after-2-years");
    }

    @Test
    void drops_latin_accents_and_spells_special_letters() {
        assertThat(Slugs.of("Zürich’s São Paulo Straße & Łódź")).isEqualTo("zurich-s-sao-paulo-strasse-and-lodz");
    }

    @Test
    void keeps_other_scripts() {
        assertThat(Slugs.of("Новости Киева")).isEqualTo("новости-киева");
    }

    @Test
    void cuts_long_titles_at_a_word() {
        String slug = Slugs.of("word ".repeat(40));
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(slug).endsWith("word").doesNotEndWith("-");
    }

    @Test
    void knows_a_valid_slug() {
        assertThat(Slugs.isValid("election-results-2024")).isTrue();
        assertThat(Slugs.isValid("Election")).isFalse();
        assertThat(Slugs.isValid("two--hyphens")).isFalse();
        assertThat(Slugs.isValid("-leading")).isFalse();
        assertThat(Slugs.isValid("../etc")).isFalse();
        assertThat(Slugs.isValid("")).isFalse();
    }

    @Test
    void excerpts_end_at_a_whole_word() {
        assertThat(Excerpts.of("The council voted to close the old harbour road for good.", 30))
                .isEqualTo("The council voted to close…");
        assertThat(Excerpts.of("Short.", 30)).isEqualTo("Short.");
    }
}
