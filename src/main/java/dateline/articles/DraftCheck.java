package dateline.articles;

import dateline.markup.Markdown;
import dateline.markup.Slugs;
import dateline.web.InvalidInput;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks what a writer gave and turns it into what is stored: clean text, safe HTML, tags by slug. */
final class DraftCheck {
    static final int MAX_HEADLINE = ArticleDraft.MAX_HEADLINE;
    static final int MAX_STANDFIRST = ArticleDraft.MAX_STANDFIRST;
    static final int MAX_TAG = ArticleDraft.MAX_TAG;
    static final int MAX_PLACE = 80;
    static final int MAX_BODY = ArticleDraft.MAX_BODY;

    /** The sections and authors that exist, looked up once for a whole batch of drafts. */
    record Known(Set<Long> sectionIds, Set<Long> accountIds, Set<Long> mediaIds) {}

    /** A draft that passed: {@code slug} is blank when the writer gave none and one is to be made. */
    record Checked(ArticleDraft draft, String headline, String slug, boolean slugGiven, String standfirst, String body,
                   String bodyHtml, Map<String, String> tagsBySlug, String datelinePlace) {

        BodyFormat format() {
            return draft.bodyFormat() == null ? BodyFormat.MARKDOWN : draft.bodyFormat();
        }

        ArticleType type() {
            return draft.type() == null ? ArticleType.NEWS : draft.type();
        }
    }

    private final Markdown markdown;

    DraftCheck(Markdown markdown) {
        this.markdown = markdown;
    }

    Checked check(ArticleDraft d, boolean publishing, Known known) {
        String headline = clean(d.headline());
        String slug = clean(d.slug());
        boolean slugGiven = !slug.isEmpty();
        String standfirst = clean(d.standfirst());
        String body = d.body() == null ? "" : d.body().replace("\r\n", "\n");
        Map<String, String> tags = new LinkedHashMap<>();
        boolean tagTooLong = false;
        for (String tag : d.tags() == null ? List.<String>of() : d.tags()) {
            String name = clean(tag);
            if (name.isEmpty()) continue;
            tagTooLong |= name.length() > MAX_TAG;
            String tagSlug = Slugs.of(name);
            if (!tagSlug.isEmpty()) tags.putIfAbsent(tagSlug, name);
        }
        List<Long> authorIds = d.authorIds() == null ? List.of() : d.authorIds();
        Set<Long> distinctAuthors = new HashSet<>(authorIds);
        String place = clean(d.datelinePlace());
        InvalidInput.check()
                .when(headline.isEmpty(), "headline", "Write a headline.")
                .when(headline.length() > MAX_HEADLINE, "headline", "Keep the headline under " + MAX_HEADLINE + " characters.")
                .when(slugGiven && !Slugs.isValid(slug), "slug",
                        "Use lower-case letters, digits and single hyphens, such as election-results.")
                .when(!slugGiven && !headline.isEmpty() && Slugs.of(headline).isEmpty(), "slug", "Choose a slug for the address.")
                .when(standfirst.length() > MAX_STANDFIRST, "standfirst", "Keep the standfirst under " + MAX_STANDFIRST + " characters.")
                .when(publishing && body.isBlank(), "body", "Write the article before publishing it.")
                .when(body.length() > MAX_BODY, "body", "The article is too long to store; split it in two.")
                .when(d.sectionId() != null && !known.sectionIds().contains(d.sectionId()), "section", "Choose one of the sections.")
                .when(tagTooLong, "tags", "Keep each tag under " + MAX_TAG + " characters.")
                .when(authorIds.isEmpty(), "authors", "Credit at least one author.")
                .when(distinctAuthors.size() != authorIds.size(), "authors", "Credit each author once.")
                .when(!known.accountIds().containsAll(distinctAuthors), "authors", "Credit authors who have an account.")
                .when(place.length() > MAX_PLACE, "dateline", "Keep the place under " + MAX_PLACE + " characters.")
                .when(d.featuredMediaId() != null && !known.mediaIds().contains(d.featuredMediaId()), "featured_media",
                        "Choose an image from the media library.")
                .throwIfAny();
        String html = (d.bodyFormat() == null ? BodyFormat.MARKDOWN : d.bodyFormat()).toSafeHtml(body, markdown);
        return new Checked(d, headline, slug, slugGiven, standfirst, body, html, tags, place);
    }

    static String clean(String text) {
        return text == null ? "" : text.strip();
    }
}
