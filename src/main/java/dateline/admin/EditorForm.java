package dateline.admin;

import dateline.articles.ArticleDraft;
import dateline.articles.ArticleType;
import dateline.articles.BodyFormat;
import dateline.articles.FullArticle;
import dateline.articles.Revision;
import dateline.articles.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The editor's fields exactly as typed, so that a refused save comes back with every character kept.
 * {@code authors} holds up to {@value #AUTHOR_FIELDS} account ids in byline order, blank for an empty field.
 */
public record EditorForm(
        String headline,
        String slug,
        String standfirst,
        String body,
        String type,
        String section,
        String tags,
        List<String> authors,
        String datelinePlace,
        boolean commentsOpen,
        String edit,
        String note,
        String publishAt,
        String featuredMedia,
        String featuredAlt) {

    static final int AUTHOR_FIELDS = 4;

    static EditorForm blank(long authorId, boolean commentsOpen) {
        return new EditorForm("", "", "", "", ArticleType.NEWS.code(), "", "", padded(List.of(Long.toString(authorId))),
                "", commentsOpen, "minor", "", "", "", "");
    }

    static EditorForm of(FullArticle full, List<Long> authorIds, String featuredAlt) {
        var a = full.article();
        return new EditorForm(a.headline(), a.slug(), a.standfirst(), a.bodySource(), a.type().code(),
                a.sectionId() == null ? "" : a.sectionId().toString(),
                String.join(", ", full.tags().stream().map(Tag::name).toList()),
                padded(authorIds.stream().map(String::valueOf).toList()), a.datelinePlace(), a.commentsOpen(), "minor", "",
                "", a.featuredMediaId() == null ? "" : a.featuredMediaId().toString(), featuredAlt);
    }

    static EditorForm of(Revision r, boolean commentsOpen, String featuredAlt) {
        return new EditorForm(r.headline(), r.slug(), r.standfirst(), r.bodySource(), r.type().code(),
                r.sectionId() == null ? "" : r.sectionId().toString(), String.join(", ", r.tags()),
                padded(r.authorIds().stream().map(String::valueOf).toList()), r.datelinePlace(), commentsOpen, "minor", "",
                "", r.featuredMediaId() == null ? "" : r.featuredMediaId().toString(), featuredAlt);
    }

    EditorForm withPublishAt(String value) {
        return new EditorForm(headline, slug, standfirst, body, type, section, tags, authors, datelinePlace, commentsOpen,
                edit, note, value, featuredMedia, featuredAlt);
    }

    /** The same form, its change kind reset to a minor edit and its note cleared. */
    EditorForm asMinorEdit() {
        return new EditorForm(headline, slug, standfirst, body, type, section, tags, authors, datelinePlace, commentsOpen,
                "minor", "", publishAt, featuredMedia, featuredAlt);
    }

    EditorForm withFeaturedMedia(long mediaId) {
        return new EditorForm(headline, slug, standfirst, body, type, section, tags, authors, datelinePlace, commentsOpen,
                edit, note, publishAt, Long.toString(mediaId), featuredAlt);
    }

    Long featuredMediaId() {
        return Ids.of(featuredMedia);
    }

    /** The draft the form describes; fields that cannot be read (a forged section id) read as empty. */
    ArticleDraft toDraft(BodyFormat format) {
        List<Long> authorIds = new ArrayList<>();
        for (String a : authors) {
            Long id = Ids.of(a);
            if (id != null) authorIds.add(id);
        }
        List<String> tagNames = Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return new ArticleDraft(headline, slug, standfirst, body, format,
                ArticleType.ofCode(type).orElse(ArticleType.NEWS), Ids.of(section), tagNames, authorIds, datelinePlace,
                commentsOpen, Ids.of(featuredMedia));
    }

    public String author(int index) {
        return index < authors.size() ? authors.get(index) : "";
    }

    private static List<String> padded(List<String> ids) {
        List<String> all = new ArrayList<>(ids);
        while (all.size() < AUTHOR_FIELDS) all.add("");
        return all;
    }
}
