package dateline.articles;

import dateline.site.Policies;
import dateline.site.Policy;
import dateline.site.SiteSettings;
import dateline.site.SiteTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema.org {@code NewsArticle} that search engines read. Its dates are made by the same
 * {@link SiteTime} as the visible ones, so {@code datePublished} and {@code dateModified} always equal
 * what the page shows in its {@code <time>} elements.
 */
final class ArticleJsonLd {
    private ArticleJsonLd() {}

    static Map<String, Object> of(FullArticle full, String canonicalUrl, String description, SiteSettings settings,
                                  Policies policies, String baseUrl, String imageUrl) {
        Article a = full.article();
        SiteTime time = settings.time();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", "NewsArticle");
        json.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", canonicalUrl));
        json.put("url", canonicalUrl);
        json.put("headline", a.headline());
        if (!description.isEmpty()) json.put("description", description);
        if (imageUrl != null) json.put("image", List.of(imageUrl));
        json.put("datePublished", time.iso(a.publishedAt()));
        json.put("dateModified", time.iso(a.modifiedAt()));
        json.put("author", full.bylines().stream().map(b -> Map.of(
                "@type", "Person", "name", b.name(), "url", baseUrl + b.path())).toList());
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "NewsMediaOrganization");
        publisher.put("name", settings.title());
        publisher.put("url", baseUrl + "/");
        if (!policies.corrections().isBlank()) publisher.put("correctionsPolicy", baseUrl + Policy.CORRECTIONS.path());
        if (!policies.ethics().isBlank()) publisher.put("ethicsPolicy", baseUrl + Policy.ETHICS.path());
        json.put("publisher", publisher);
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
}
