package dateline.testing;

import dateline.accounts.Account;
import dateline.articles.Article;
import dateline.articles.ArticleDraft;
import dateline.articles.ArticleService;
import dateline.articles.ArticleType;
import dateline.articles.BodyFormat;
import dateline.articles.FullArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds articles for tests, stating only the facts a test needs: {@code anArticle().by(alice).publishedAt(t)}. */
public final class Articles {
    private final ArticleService service;

    public Articles(ArticleService service) {
        this.service = service;
    }

    public Builder anArticle() {
        return new Builder();
    }

    public final class Builder {
        private String headline = "Harbour bridge reopens after two years of repairs";
        private String slug;
        private String standfirst = "Commuters welcomed the end of long detours.";
        private String body = "The bridge reopened on Monday.\n\nTraffic was light.";
        private ArticleType type = ArticleType.NEWS;
        private Long sectionId;
        private final List<String> tags = new ArrayList<>();
        private final List<Long> authors = new ArrayList<>();
        private Account firstAuthor;
        private String place = "";

        public Builder headline(String text) {
            headline = text;
            return this;
        }

        public Builder slug(String text) {
            slug = text;
            return this;
        }

        public Builder standfirst(String text) {
            standfirst = text;
            return this;
        }

        public Builder body(String markdown) {
            body = markdown;
            return this;
        }

        public Builder type(ArticleType articleType) {
            type = articleType;
            return this;
        }

        public Builder in(long section) {
            sectionId = section;
            return this;
        }

        public Builder tagged(String... names) {
            tags.addAll(List.of(names));
            return this;
        }

        public Builder by(Account... accounts) {
            for (Account a : accounts) {
                if (firstAuthor == null) firstAuthor = a;
                authors.add(a.id());
            }
            return this;
        }

        public Builder datelinePlace(String text) {
            place = text;
            return this;
        }

        public ArticleDraft draft() {
            return new ArticleDraft(headline, slug, standfirst, body, BodyFormat.MARKDOWN, type, sectionId, tags, authors, place);
        }

        /** Kept as a draft by its first author. */
        public Article written() {
            if (firstAuthor == null) throw new IllegalStateException("Say who writes it: by(...) or writtenBy(...)");
            return service.write(draft(), firstAuthor);
        }

        public Article writtenBy(Account writer) {
            return service.write(draft(), writer);
        }

        public FullArticle publishedAt(Instant at) {
            return service.publishNew(draft(), at);
        }
    }
}
