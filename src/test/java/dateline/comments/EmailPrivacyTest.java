package dateline.comments;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.testing.Http;
import dateline.testing.TestSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A commenter's email address never appears in anything the public can fetch, in any form a guess could match. */
class EmailPrivacyTest {
    private static final String EMAIL = "Private.Reader@Example.org";

    @Test
    void no_public_page_or_feed_shows_the_address_or_a_guessable_hash_of_it() throws Exception {
        try (TestSite site = TestSite.serving()) {
            Http http = site.http();
            Account author = site.anAuthor("Alice Moreau");
            Account editor = site.wiring().accounts().open(new NewAccount("ed@example.org", "Ed Itor", Role.EDITOR, null));
            Article article = site.articles().anArticle().by(author).tagged("Harbour").publishedAt(TestSite.START).article();
            String token = CommentForms.tokenOn(http, article.path());
            site.clock().advance(Duration.ofSeconds(30));
            var sent = http.post("/comments", Http.form("article", Long.toString(article.id()), "comment",
                    "Written with my private address.", "name", "Private Reader", "email", EMAIL,
                    "website", "", "remember", "yes", "form_token", token), "Origin", site.baseUrl());
            long id = Long.parseLong(sent.headers().firstValue("location").orElseThrow().replaceAll(".*#comment-", ""));
            site.wiring().comments().moderate(id, CommentService.Action.APPROVE, "", editor);
            site.clock().advance(Duration.ofSeconds(30));
            site.wiring().comments().replyAsStaff(id, "Thanks for writing.", editor);

            List<String> addresses = List.of(article.path(), article.path() + "?replytocom=" + id, "/", "/tags/harbour/",
                    "/authors/alice-moreau/", "/comments/feed/", article.path() + "feed/", "/corrections/", "/no/such/page");
            List<String> forbidden = forms(EMAIL);
            for (String address : addresses) {
                String body = http.get(address).body();
                String lower = body.toLowerCase(Locale.ROOT);
                for (String form : forbidden) assertThat(lower).as(address + " must not contain " + form).doesNotContain(form);
            }
            assertThat(http.get(article.path()).body()).contains("Written with my private address.", "Private Reader");
        }
    }

    /** The address, and the hashes of it that a guess could match: MD5 (Gravatar's), SHA-1 and SHA-256. */
    private static List<String> forms(String email) throws Exception {
        String normal = email.strip().toLowerCase(Locale.ROOT);
        return List.of(normal, "private.reader%40example.org", hash("MD5", normal), hash("SHA-1", normal),
                hash("SHA-256", normal), hash("MD5", email), hash("SHA-256", email));
    }

    private static String hash(String algorithm, String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
