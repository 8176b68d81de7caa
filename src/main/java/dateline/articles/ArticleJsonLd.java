package dateline.articles;

import dateline.media.MediaFile;
import dateline.site.Policies;
import dateline.site.Policy;
import dateline.site.SiteSettings;
import dateline.site.SiteTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema.org {@code NewsArticle} that search engines read, typed by the kind of journalism it is
 * ({@code AnalysisNewsArticle}, {@code OpinionNewsArticle}, …), and the {@code ProfilePage} of an author.
 * Its dates are made by the same {@link SiteTime} as the visible ones, so {@code datePublished} and
 * {@code dateModified} always equal what the page shows in its {@code <time>} elements.
 */
final class ArticleJsonLd {
    private ArticleJsonLd() {}

    /** Who publishes: the site, its logo (an absolute address) and the policies it has written. */
    record Publisher(SiteSettings settings, Policies policies, String baseUrl, String logoUrl) {
        Map<String, Object> toJson() {
            Map<String, Object> publisher = new LinkedHashMap<>();
            publisher.put("@type", "NewsMediaOrganization");
            publisher.put("name", settings.title());
            publisher.put("url", baseUrl + "/");
            Map<String, Object> logo = new LinkedHashMap<>();
            logo.put("@type", "ImageObject");
            logo.put("url", logoUrl);
            publisher.put("logo", logo);
            if (!policies.corrections().isBlank()) publisher.put("correctionsPolicy", baseUrl + Policy.CORRECTIONS.path());
            if (!policies.ethics().isBlank()) publisher.put("ethicsPolicy", baseUrl + Policy.ETHICS.path());
            if (!policies.masthead().isBlank()) publisher.put("masthead", baseUrl + Policy.MASTHEAD.path());
            return publisher;
        }
    }

    static Map<String, Object> of(FullArticle full, String canonicalUrl, String description, Publisher publisher,
                                  MediaFile image) {
        Article a = full.article();
        SiteSettings settings = publisher.settings();
        String baseUrl = publisher.baseUrl();
        SiteTime time = settings.time();
        Map<String, Object> json = document(a.type().schemaType());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@type", "WebPage");
        page.put("@id", canonicalUrl);
        json.put("mainEntityOfPage", page);
        json.put("url", canonicalUrl);
        json.put("headline", a.headline());
        if (!description.isEmpty()) json.put("description", description);
        if (image != null) json.put("image", List.of(imageObject(image, baseUrl)));
        json.put("datePublished", time.iso(a.publishedAt()));
        json.put("dateModified", time.iso(a.modifiedAt()));
        json.put("author", full.bylines().stream().map(b -> person(b.name(), baseUrl + b.path())).toList());
        json.put("publisher", publisher.toJson());
        full.section().ifPresent(s -> json.put("articleSection", s.name()));
        if (!full.tags().isEmpty()) json.put("keywords", full.tags().stream().map(Tag::name).toList());
        if (!a.datelinePlace().isEmpty()) json.put("dateline", a.datelinePlace());
        json.put("inLanguage", settings.language());
        if (a.type() != ArticleType.NEWS) json.put("genre", a.type().label());
        List<Map<String, Object>> corrections = full.updates().stream()
                .filter(u -> u.kind() == UpdateKind.CORRECTION)
                .map(u -> Map.<String, Object>of("@type", "CorrectionComment", "text", u.note(),
                        "datePublished", time.iso(u.happenedAt())))
                .toList();
        if (!corrections.isEmpty()) json.put("correction", corrections);
        return json;
    }

    /**
     * The front page: the {@code WebSite}. Every object here keeps its keys in the order written (never
     * {@code Map.of}, whose order changes from one start of the JVM to the next), so that a page has the same bytes,
     * and the same ETag, on every start and every node.
     */
    static Map<String, Object> website(String name, String url) {
        Map<String, Object> json = document("WebSite");
        json.put("name", name);
        json.put("url", url);
        return json;
    }

    /** An author's page: a {@code ProfilePage} about the {@code Person}, as search engines read profiles. */
    static Map<String, Object> profile(String name, String bio, String url) {
        Map<String, Object> person = person(name, url);
        if (!bio.isBlank()) person.put("description", bio);
        Map<String, Object> json = document("ProfilePage");
        json.put("url", url);
        json.put("mainEntity", person);
        return json;
    }

    /** A page's top object, of {@code type}, with the vocabulary named. */
    private static Map<String, Object> document(String type) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", type);
        return json;
    }

    private static Map<String, Object> person(String name, String url) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("@type", "Person");
        person.put("name", name);
        person.put("url", url);
        return person;
    }

    private static Map<String, Object> imageObject(MediaFile image, String baseUrl) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@type", "ImageObject");
        json.put("url", baseUrl + image.url());
        json.put("width", image.width());
        json.put("height", image.height());
        if (!image.altText().isEmpty()) json.put("caption", image.altText());
        return json;
    }
}
