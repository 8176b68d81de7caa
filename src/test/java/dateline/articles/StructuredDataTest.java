package dateline.articles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.accounts.Account;
import dateline.media.MediaFile;
import dateline.site.DiscoverySettings;
import dateline.site.Policies;
import dateline.site.SiteService;
import dateline.testing.Http;
import dateline.testing.Pages;
import dateline.testing.TestSite;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The structured data of article and author pages, as search engines read it: every field the newsroom
 * set, and nothing a type of the schema.org vocabulary does not have.
 */
class StructuredDataTest {
    /**
     * The schema.org properties (with their inherited ones) of each type the site writes, as schema.org
     * defines them: Thing → CreativeWork → Article → NewsArticle and its subtypes; Thing → Organization →
     * NewsMediaOrganization; Thing → Person; MediaObject → ImageObject; Comment → CorrectionComment.
     */
    private static final Set<String> THING = Set.of("@context", "@type", "@id", "name", "url", "description", "image",
            "mainEntityOfPage");
    private static final Set<String> CREATIVE_WORK = union(THING, Set.of("headline", "datePublished", "dateModified",
            "author", "publisher", "keywords", "inLanguage", "genre", "correction", "text", "mainEntity"));
    private static final Set<String> NEWS_ARTICLE = union(CREATIVE_WORK, Set.of("articleSection", "dateline"));
    private static final Map<String, Set<String>> VOCABULARY = Map.ofEntries(
            Map.entry("NewsArticle", NEWS_ARTICLE),
            Map.entry("AnalysisNewsArticle", NEWS_ARTICLE),
            Map.entry("BackgroundNewsArticle", NEWS_ARTICLE),
            Map.entry("OpinionNewsArticle", NEWS_ARTICLE),
            Map.entry("ReportageNewsArticle", NEWS_ARTICLE),
            Map.entry("ReviewNewsArticle", NEWS_ARTICLE),
            Map.entry("AskPublicNewsArticle", NEWS_ARTICLE),
            Map.entry("NewsMediaOrganization", union(THING, Set.of("logo", "correctionsPolicy", "ethicsPolicy", "masthead"))),
            Map.entry("Person", THING),
            Map.entry("WebPage", CREATIVE_WORK),
            Map.entry("ProfilePage", CREATIVE_WORK),
            Map.entry("WebSite", CREATIVE_WORK),
            Map.entry("ImageObject", union(CREATIVE_WORK, Set.of("width", "height", "caption"))),
            Map.entry("CorrectionComment", CREATIVE_WORK));

    private TestSite site;
    private Http http;
    private Account alice;
    private Account bruno;
    private Section world;

    @BeforeEach
    void openSite() {
        site = TestSite.serving();
        http = site.http();
        alice = site.anAuthor("Alice Moreau");
        bruno = site.anAuthor("Bruno Keller");
        world = site.wiring().articles().openSection("World", "");
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    private JsonNode jsonLd(String path) throws Exception {
        String html = http.get(path).body();
        JsonNode json = new ObjectMapper().readTree(Pages.first(html, "<script type=\"application/ld\\+json\">(.*?)</script>"));
        assertValid(json, path);
        return json;
    }

    /** Every object has a type of the vocabulary, and only that type's properties. */
    private static void assertValid(JsonNode node, String where) {
        if (node.isArray()) {
            node.forEach(n -> assertValid(n, where));
            return;
        }
        if (!node.isObject()) return;
        String type = node.path("@type").asText(null);
        if (type == null) {
            assertThat(node.has("@id")).as(where + ": an object without a type is a reference").isTrue();
            return;
        }
        assertThat(VOCABULARY).as(where + ": schema.org has the type").containsKey(type);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertThat(VOCABULARY.get(type)).as(where + ": " + type + " has " + name).contains(name);
            assertValid(node.get(name), where);
        }
    }

    private FullArticle publish(ArticleDraft draft) {
        return site.wiring().articles().publishNew(draft, TestSite.START.minus(Duration.ofHours(3)));
    }

    @Nested
    class An_article {
        @Test
        void is_a_news_article_with_its_authors_as_people_with_pages() throws Exception {
            FullArticle article = publish(site.articles().anArticle().by(alice, bruno).in(world.id())
                    .tagged("Ports", "Trade").datelinePlace("ROTTERDAM").draft());
            JsonNode json = jsonLd(article.article().path());
            assertThat(json.get("@type").asText()).isEqualTo("NewsArticle");
            assertThat(json.has("genre")).isFalse();
            assertThat(json.get("author")).hasSize(2);
            assertThat(json.get("author").get(1).get("@type").asText()).isEqualTo("Person");
            assertThat(json.get("author").get(1).get("name").asText()).isEqualTo("Bruno Keller");
            assertThat(json.get("author").get(1).get("url").asText()).isEqualTo(site.baseUrl() + "/authors/bruno-keller/");
            assertThat(json.get("articleSection").asText()).isEqualTo("World");
            assertThat(json.get("keywords")).extracting(JsonNode::asText).containsExactly("Ports", "Trade");
            assertThat(json.get("dateline").asText()).isEqualTo("ROTTERDAM");
            assertThat(json.get("inLanguage").asText()).isEqualTo("en");
        }

        @Test
        void is_typed_by_the_kind_of_journalism_it_is() throws Exception {
            Map<ArticleType, String> expected = Map.of(ArticleType.ANALYSIS, "AnalysisNewsArticle",
                    ArticleType.OPINION, "OpinionNewsArticle", ArticleType.EXPLAINER, "BackgroundNewsArticle",
                    ArticleType.REVIEW, "ReviewNewsArticle", ArticleType.OBITUARY, "NewsArticle");
            for (var e : expected.entrySet()) {
                FullArticle article = publish(site.articles().anArticle().headline("A " + e.getKey().label() + " piece")
                        .type(e.getKey()).by(alice).draft());
                JsonNode json = jsonLd(article.article().path());
                assertThat(json.get("@type").asText()).as(e.getKey().label()).isEqualTo(e.getValue());
                assertThat(json.get("genre").asText()).isEqualTo(e.getKey().label());
            }
        }

        @Test
        void every_kind_of_article_has_a_type_of_the_vocabulary() {
            for (ArticleType type : ArticleType.values()) assertThat(VOCABULARY).containsKey(type.schemaType());
        }

        @Test
        void lists_its_corrections_but_not_its_other_updates() throws Exception {
            FullArticle article = publish(site.articles().anArticle().by(alice).draft());
            Instant corrected = TestSite.START.minus(Duration.ofHours(1));
            site.wiring().articles().recordUpdate(article.article().id(),
                    new ArticleUpdate(UpdateKind.UPDATE, "Added the minister's reply.", corrected.minusSeconds(600)));
            site.wiring().articles().recordUpdate(article.article().id(),
                    new ArticleUpdate(UpdateKind.CORRECTION, "The bridge is 2 km long, not 3.", corrected));
            JsonNode json = jsonLd(article.article().path());
            assertThat(json.get("correction")).hasSize(1);
            assertThat(json.get("correction").get(0).get("@type").asText()).isEqualTo("CorrectionComment");
            assertThat(json.get("correction").get(0).get("text").asText()).isEqualTo("The bridge is 2 km long, not 3.");
            assertThat(json.get("correction").get(0).get("datePublished").asText()).isEqualTo("2024-06-20T06:38:00+00:00");
            assertThat(json.get("dateModified").asText()).isEqualTo("2024-06-20T06:38:00+00:00");
        }

        @Test
        void shows_its_featured_image_with_its_size() throws Exception {
            MediaFile photo = site.wiring().media().upload("harbour.jpg", jpeg(1200, 800), alice.id(), "The harbour at dawn");
            ArticleDraft d = site.articles().anArticle().by(alice).draft();
            FullArticle article = publish(new ArticleDraft(d.headline(), d.slug(), d.standfirst(), d.body(), d.bodyFormat(),
                    d.type(), d.sectionId(), d.tags(), d.authorIds(), d.datelinePlace(), true, photo.id()));
            JsonNode image = jsonLd(article.article().path()).get("image").get(0);
            assertThat(image.get("@type").asText()).isEqualTo("ImageObject");
            assertThat(image.get("url").asText()).isEqualTo(site.baseUrl() + photo.url());
            assertThat(image.get("width").asInt()).isEqualTo(1200);
            assertThat(image.get("height").asInt()).isEqualTo(800);
            assertThat(image.get("caption").asText()).isEqualTo("The harbour at dawn");
        }
    }

    @Nested
    class The_publisher {
        private String path;

        @BeforeEach
        void publishOne() {
            path = publish(site.articles().anArticle().by(alice).draft()).article().path();
        }

        private void set(Policies policies, String logo) {
            SiteService s = site.wiring().site();
            s.saveAll(s.settings(), policies, s.smtp(), s.comments(),
                    new DiscoverySettings(DiscoverySettings.FeedContent.FULL, 20, logo));
        }

        @Test
        void is_a_news_media_organization_with_the_site_icon_as_logo_until_one_is_set() throws Exception {
            JsonNode publisher = jsonLd(path).get("publisher");
            assertThat(publisher.get("@type").asText()).isEqualTo("NewsMediaOrganization");
            assertThat(publisher.get("name").asText()).isEqualTo(site.wiring().site().settings().title());
            assertThat(publisher.get("url").asText()).isEqualTo(site.baseUrl() + "/");
            assertThat(publisher.get("logo").get("@type").asText()).isEqualTo("ImageObject");
            assertThat(publisher.get("logo").get("url").asText()).startsWith(site.baseUrl() + "/assets/icon.");
            assertThat(publisher.has("correctionsPolicy") || publisher.has("ethicsPolicy") || publisher.has("masthead")).isFalse();
        }

        @Test
        void names_the_logo_and_every_policy_the_newsroom_has_written() throws Exception {
            set(new Policies("We correct promptly.", "We are independent.", "", "Editor: Ed Itor."), "/media/logo.png");
            JsonNode publisher = jsonLd(path).get("publisher");
            assertThat(publisher.get("logo").get("url").asText()).isEqualTo(site.baseUrl() + "/media/logo.png");
            assertThat(publisher.get("correctionsPolicy").asText()).isEqualTo(site.baseUrl() + "/policies/corrections/");
            assertThat(publisher.get("ethicsPolicy").asText()).isEqualTo(site.baseUrl() + "/policies/ethics/");
            assertThat(publisher.get("masthead").asText()).isEqualTo(site.baseUrl() + "/policies/masthead/");
            assertThat(http.get("/policies/masthead/").body()).contains("Editor: Ed Itor.");
            assertThat(http.get("/").body()).contains("href=\"/policies/masthead/\"");
        }

        @Test
        void keeps_a_logo_on_another_host_as_given() throws Exception {
            set(Policies.none(), "https://cdn.example.net/logo.png");
            assertThat(jsonLd(path).get("publisher").get("logo").get("url").asText()).isEqualTo("https://cdn.example.net/logo.png");
        }
    }

    @Test
    void an_author_page_is_a_profile_page_about_the_person() throws Exception {
        publish(site.articles().anArticle().by(alice).draft());
        JsonNode json = jsonLd("/authors/alice-moreau/");
        assertThat(json.get("@type").asText()).isEqualTo("ProfilePage");
        assertThat(json.get("url").asText()).isEqualTo(site.baseUrl() + "/authors/alice-moreau/");
        JsonNode person = json.get("mainEntity");
        assertThat(person.get("@type").asText()).isEqualTo("Person");
        assertThat(person.get("name").asText()).isEqualTo("Alice Moreau");
        assertThat(person.get("url").asText()).isEqualTo(site.baseUrl() + "/authors/alice-moreau/");
    }

    @Test
    void the_front_page_is_a_website_of_the_vocabulary() throws Exception {
        publish(site.articles().anArticle().by(alice).draft());
        assertThat(jsonLd("/").get("@type").asText()).isEqualTo("WebSite");
    }

    @Test
    void every_object_keeps_its_keys_in_the_order_written_so_a_page_has_the_same_bytes_on_every_start() throws Exception {
        FullArticle article = publish(site.articles().anArticle().by(alice).draft());
        assertThat(fieldNames(jsonLd("/"))).containsExactly("@context", "@type", "name", "url");
        JsonNode json = jsonLd(article.article().path());
        assertThat(fieldNames(json)).startsWith("@context", "@type", "mainEntityOfPage", "url", "headline");
        assertThat(fieldNames(json.get("mainEntityOfPage"))).containsExactly("@type", "@id");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static byte[] jpeg(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
