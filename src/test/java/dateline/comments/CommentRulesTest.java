package dateline.comments;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.site.CommentSettings;
import org.junit.jupiter.api.Test;

class CommentRulesTest {
    private static final CommentSettings DEFAULTS = CommentSettings.defaults();

    private static NewComment comment(String text) {
        return new NewComment(1, null, "Ana Lima", "ana@example.org", "", text, "203.0.113.5", "Firefox", null, "");
    }

    private static CommentSettings with(String moderation, String disallowed, boolean holdAll, boolean trust) {
        return new CommentSettings(5, 50, false, holdAll, trust, 2, moderation, disallowed, true, true, 30, 3, 30);
    }

    @Test
    void a_first_time_commenter_is_held_for_moderation() {
        assertThat(CommentRules.judge(comment("Good piece."), DEFAULTS, false).status()).isEqualTo(CommentStatus.PENDING);
    }

    @Test
    void an_address_with_an_approved_comment_is_approved_at_once() {
        assertThat(CommentRules.judge(comment("Good piece."), DEFAULTS, true).status()).isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void without_the_trust_rule_comments_are_approved_unless_another_rule_holds_them() {
        assertThat(CommentRules.judge(comment("Fine."), with("", "", false, false), false).status())
                .isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void more_links_than_the_limit_hold_a_comment_even_from_a_trusted_address() {
        String three = "See https://a.example and http://b.example and www.c.example";
        CommentRules.Verdict verdict = CommentRules.judge(comment(three), DEFAULTS, true);
        assertThat(verdict.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(verdict.reason()).contains("3 links");
        assertThat(CommentRules.judge(comment("https://a.example and https://www.b.example"), DEFAULTS, true).status())
                .isEqualTo(CommentStatus.APPROVED);
    }

    @Test
    void a_word_of_the_moderation_list_holds_a_comment_whatever_its_case() {
        CommentRules.Verdict verdict = CommentRules.judge(comment("Buy CASINO chips"), with("casino\nloan", "", false, true), true);
        assertThat(verdict.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(verdict.reason()).contains("casino");
    }

    @Test
    void a_word_of_the_disallowed_list_sends_a_comment_to_spam_even_in_the_name_or_address() {
        CommentSettings settings = with("", "pills, viagra", false, true);
        assertThat(CommentRules.judge(comment("Cheap pills here"), settings, true).status()).isEqualTo(CommentStatus.SPAM);
        NewComment byName = new NewComment(1, null, "Viagra Shop", "x@example.org", "", "Hello", "1.2.3.4", "", null, "");
        assertThat(CommentRules.judge(byName, settings, true).status()).isEqualTo(CommentStatus.SPAM);
    }

    @Test
    void holding_every_comment_holds_even_trusted_ones() {
        assertThat(CommentRules.judge(comment("Fine."), with("", "", true, true), true).status())
                .isEqualTo(CommentStatus.PENDING);
    }
}
