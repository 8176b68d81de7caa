package dateline.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SpamFeaturesTest {
    @Test
    void words_pairs_and_pieces_of_words_in_lower_case() {
        Set<String> f = SpamFeatures.of("Ana Lima", "", "Cheap Pills now");
        assertThat(f).contains("w:cheap", "w:pills", "b:cheap pills", "c:_che", "c:ills", "length:short",
                "links:0", "n:ana", "nb:ana lima", "name:words 2");
    }

    @Test
    void links_count_and_name_their_sites_also_in_html_and_spelled_out() {
        Set<String> f = SpamFeatures.of("x", "", "<a href=\"https://www.Pills.example/buy\">here</a> or pills dot example "
                + "or https://bit.ly/abc");
        assertThat(f).contains("link:pills.example", "link:bit.ly", "shape:shortened link", "links:3+");
        assertThat(f).noneMatch(feature -> feature.startsWith("w:href"));
    }

    @Test
    void letters_spaced_out_to_hide_a_word_or_an_address_are_read_together() {
        Set<String> f = SpamFeatures.of("x", "", "c h e a p  r x  at  h t t p s : / / r x - o u t l e t . e x a m p l e");
        assertThat(f).contains("shape:spaced letters", "w:cheap", "link:rx-outlet.example");
    }

    @Test
    void the_shapes_of_spam() {
        assertThat(SpamFeatures.of("x", "", "Call +44 7700 900123 today")).contains("shape:phone number");
        assertThat(SpamFeatures.of("x", "", "Earn $500 a day")).contains("shape:sum of money");
        assertThat(SpamFeatures.of("x", "", "DM @crypto_king on Telegram")).contains("shape:handle");
        assertThat(SpamFeatures.of("x", "", "THIS IS THE BEST OFFER EVER")).contains("shape:shouting");
        assertThat(SpamFeatures.of("x", "", "Wow!!! Amazing!!!")).contains("shape:exclamations");
        assertThat(SpamFeatures.of("x", "", "Write to me: deals@offers.example")).contains("shape:email address");
        assertThat(SpamFeatures.of("x", "", "Хорошая статья")).contains("script:cyrillic");
    }

    @Test
    void the_name_and_website_the_commenter_gave() {
        assertThat(SpamFeatures.of("xkqjhzvbn", "", "hi")).contains("name:keyboard mash");
        assertThat(SpamFeatures.of("Maria", "", "hi")).doesNotContain("name:keyboard mash");
        assertThat(SpamFeatures.of("Best Loans 2024 www.loans.example", "", "hi")).contains("name:link", "name:digits",
                "name:words 4+");
        assertThat(SpamFeatures.of("Ana", "https://www.Ana.example.org/blog", "hi")).contains("site:given",
                "site:ana.example.org");
    }

    @Test
    void a_very_long_comment_is_read_only_as_far_as_judging_it_needs() {
        Set<String> f = SpamFeatures.of("x", "", "word ".repeat(1300) + " uniquelyfar");
        assertThat(f).doesNotContain("w:uniquelyfar");
        assertThat(SpamFeatures.of("x", "", "z".repeat(100_000))).hasSizeLessThan(50);
    }

    @Test
    void features_described_for_moderators_in_words() {
        assertThat(SpamFeatures.describe("w:casino")).isEqualTo("the word “casino”");
        assertThat(SpamFeatures.describe("b:free spins")).isEqualTo("the words “free spins”");
        assertThat(SpamFeatures.describe("link:pills.example")).isEqualTo("a link to pills.example");
        assertThat(SpamFeatures.describe("links:3+")).isEqualTo("three links or more");
        assertThat(SpamFeatures.describe("shape:phone number")).isEqualTo("a phone number");
        assertThat(SpamFeatures.describe("shape:email address")).isEqualTo("an email address");
        assertThat(SpamFeatures.describe("name:keyboard mash")).isEqualTo("a name like a keyboard mash");
        assertThat(SpamFeatures.describe("name:words 1")).isEqualTo("a name of one word");
        assertThat(SpamFeatures.describe("site:loans.example")).isEqualTo("the website loans.example");
        assertThat(SpamFeatures.describe("script:cyrillic")).isEqualTo("letters of the cyrillic script");
        assertThat(SpamFeatures.describe("c:_che")).isNull();
        assertThat(SpamFeatures.describe("b:#number #long-number")).isNull();
        assertThat(SpamFeatures.describe("script:latin")).isNull();
        assertThat(SpamFeatures.describe("")).isNull();
    }
}
