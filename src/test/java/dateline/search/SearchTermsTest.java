package dateline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.web.InvalidInput;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading what a person typed into search terms, whatever they typed. */
class SearchTermsTest {

    @Nested
    class What_people_mean {
        @Test
        void words_are_each_wanted_in_lower_case() {
            assertThat(SearchTerms.parse("Harbour  BRIDGE").wanted()).containsExactly(Term.of("harbour"), Term.of("bridge"));
        }

        @Test
        void words_in_quotes_are_one_phrase() {
            SearchTerms terms = SearchTerms.parse("\"North Korea\" talks");
            assertThat(terms.wanted()).containsExactly(Term.of("north", "korea"), Term.of("talks"));
            assertThat(terms.wanted().get(0).isPhrase()).isTrue();
        }

        @Test
        void typographic_quotes_make_a_phrase_too() {
            assertThat(SearchTerms.parse("“north korea”").wanted()).containsExactly(Term.of("north", "korea"));
        }

        @Test
        void a_minus_sign_before_a_word_or_phrase_excludes_it() {
            SearchTerms terms = SearchTerms.parse("election -sport -\"opinion poll\"");
            assertThat(terms.wanted()).containsExactly(Term.of("election"));
            assertThat(terms.unwanted()).containsExactly(Term.of("sport"), Term.of("opinion", "poll"));
        }

        @Test
        void a_hyphen_inside_a_word_is_not_an_exclusion() {
            SearchTerms terms = SearchTerms.parse("e-mail well-known");
            assertThat(terms.wanted()).containsExactly(Term.of("e", "mail"), Term.of("well", "known"));
            assertThat(terms.unwanted()).isEmpty();
        }

        @Test
        void an_unclosed_quote_runs_to_the_end() {
            assertThat(SearchTerms.parse("\"central bank rates").wanted()).containsExactly(Term.of("central", "bank", "rates"));
        }

        @Test
        void accents_and_other_scripts_are_words() {
            assertThat(SearchTerms.parse("café Zürich Κρήτη 東京").wanted())
                    .containsExactly(Term.of("café"), Term.of("zürich"), Term.of("κρήτη"), Term.of("東京"));
        }

        @Test
        void a_term_typed_twice_counts_once_and_wanted_wins_over_unwanted() {
            SearchTerms terms = SearchTerms.parse("budget Budget -budget");
            assertThat(terms.wanted()).containsExactly(Term.of("budget"));
            assertThat(terms.unwanted()).isEmpty();
        }

        @Test
        void nothing_typed_is_no_search_and_no_error() {
            assertThat(SearchTerms.parse(null).isEmpty()).isTrue();
            assertThat(SearchTerms.parse("   ").isEmpty()).isTrue();
        }

        @Test
        void common_words_count_inside_a_phrase_and_beside_a_particular_word() {
            assertThat(SearchTerms.parse("\"the who\"").wanted()).containsExactly(Term.of("the", "who"));
            assertThat(SearchTerms.parse("the harbour").wanted()).containsExactly(Term.of("the"), Term.of("harbour"));
        }
    }

    @Nested
    class The_index_language_is_never_spoken {
        @ParameterizedTest
        @ValueSource(strings = {"bridge*", "^bridge", "headline:bridge", "body : bridge", "NEAR(bridge repairs)",
                "(bridge)", "bridge)", "{headline body}:bridge", "bridge + repairs", "bridge AND repairs",
                "bridge OR repairs", "NOT bridge", "bridge\"\"\"", "'bridge'", "bridge;--", "\\bridge\\",
                "bridge\u0000", "\uE000bridge\uE001"})
        void operators_and_symbols_are_only_spaces_between_words(String typed) {
            SearchTerms terms = SearchTerms.parse(typed);
            assertThat(terms.wanted()).isNotEmpty();
            assertThat(terms.wanted()).allSatisfy(t -> assertThat(t.words())
                    .allSatisfy(w -> assertThat(w).matches("[\\p{L}\\p{N}\\p{M}]+")));
            assertThat(terms.wanted().stream().flatMap(t -> t.words().stream())).contains("bridge");
        }

        @Test
        void boolean_operator_words_are_ordinary_words() {
            assertThat(SearchTerms.parse("rock AND roll OR NOT near").wanted())
                    .containsExactly(Term.of("rock"), Term.of("and"), Term.of("roll"), Term.of("or"), Term.of("not"),
                            Term.of("near"));
        }

        @Test
        void a_quote_inside_a_word_only_splits_it() {
            assertThat(SearchTerms.parse("ab\"cd ef\"gh").wanted()).containsExactly(Term.of("ab"), Term.of("cd", "ef"),
                    Term.of("gh"));
        }
    }

    @Nested
    class Searches_that_cannot_find_anything_are_refused_with_a_reason {
        @Test
        void only_punctuation() {
            assertRefused("*** ^^^ :: () \"\" -", "punctuation and symbols");
        }

        @Test
        void only_emoji() {
            assertRefused("🗞️ 🔥", "punctuation and symbols");
        }

        @Test
        void only_exclusions() {
            assertRefused("-sport -\"opinion poll\"", "as well as what to leave out");
        }

        @Test
        void only_words_too_common_to_search_for() {
            assertRefused("the of and", "too common");
        }

        @Test
        void ten_thousand_characters() {
            assertRefused("bridge ".repeat(1430), "under 200 characters");
        }

        @Test
        void two_hundred_characters_are_still_read() {
            assertThat(SearchTerms.parse("a".repeat(199) + "b").wanted()).hasSize(1);
        }

        private void assertRefused(String typed, String reason) {
            assertThatThrownBy(() -> SearchTerms.parse(typed)).isInstanceOfSatisfying(InvalidInput.class,
                    e -> assertThat(e.problems().get("q")).contains(reason));
        }
    }

    @Test
    void the_fts5_query_quotes_every_term_and_excludes_with_not() {
        assertThat(Fts5Index.matchOf(SearchTerms.parse("bridge* NEAR(\"north korea\") -sport -\"op ed\"")))
                .isEqualTo("(\"bridge\" \"near\" \"north korea\") NOT (\"sport\" OR \"op ed\")");
        assertThat(Fts5Index.matchOf(new SearchTerms(List.of(Term.of("say")), List.of()))).isEqualTo("\"say\"");
    }

    @Test
    void the_postgresql_query_quotes_every_term_so_that_or_is_a_word_and_excludes_with_a_minus() {
        assertThat(PostgresIndex.matchOf(SearchTerms.parse("bridge* or NEAR(\"north korea\") -sport -\"op ed\"")))
                .isEqualTo("\"bridge\" \"or\" \"near\" \"north korea\" -\"sport\" -\"op ed\"");
    }
}
