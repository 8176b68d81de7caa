package dateline.imports;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * WordPress exports built in code, stating only what a test needs, and a reader that hands them over as a
 * file's reader would: the site, then authors and terms, then items.
 */
final class Exports {
    static final Instant JUNE = Instant.parse("2024-06-01T09:30:00Z");

    private final Wxr.Site site;
    private final List<Wxr.Author> authors = new ArrayList<>();
    private final List<Wxr.Term> terms = new ArrayList<>();
    private final List<Wxr.Item> items = new ArrayList<>();

    private Exports(String link) {
        this.site = new Wxr.Site("The Harbour Gazette", link, "News from the harbour", "en-GB", link, link, "1.2");
    }

    static Exports of(String link) {
        return new Exports(link);
    }

    static Exports gazette() {
        return of("https://gazette.example.org");
    }

    Exports author(long id, String login, String email, String name) {
        authors.add(new Wxr.Author(id, login, email, name, "", "", "", 10));
        return this;
    }

    Exports category(long id, String slug, String name, String parentSlug) {
        terms.add(new Wxr.Term(id, "category", slug, name, parentSlug, "", 20));
        return this;
    }

    Exports tag(long id, String slug, String name) {
        terms.add(new Wxr.Term(id, "post_tag", slug, name, "", "", 30));
        return this;
    }

    Exports item(Wxr.Item item) {
        items.add(item);
        return this;
    }

    /** A post by its parts; the rest are those of a plain published post. */
    static Item post(long id, String title) {
        return new Item(id, title, "post");
    }

    static Item page(long id, String title) {
        return new Item(id, title, "page");
    }

    static Wxr.Comment comment(long id, long parent, String approved, String name, String email, String text) {
        return new Wxr.Comment(id, name, email, "", "192.0.2.7", JUNE.plusSeconds(3600 + id), text, approved, "", parent,
                0, List.of(), 100 + (int) id);
    }

    /** Reads this export from any path. */
    Wxr.Reader reader() {
        return (Path file, Wxr.Handler handler) -> {
            handler.site(site);
            authors.forEach(handler::author);
            terms.forEach(handler::term);
            items.forEach(handler::item);
        };
    }

    /** A post or page under construction. */
    static final class Item {
        long id;
        String title;
        String type;
        String slug;
        String content = "<!-- wp:paragraph --><p>Text of the story.</p><!-- /wp:paragraph -->";
        String excerpt = "";
        String status = "publish";
        String creator = "alice";
        Instant date = JUNE;
        String link;
        long parent;
        boolean sticky;
        String commentStatus = "open";
        final List<Wxr.TermRef> terms = new ArrayList<>();
        final List<Wxr.Meta> meta = new ArrayList<>();
        final List<Wxr.Comment> comments = new ArrayList<>();

        Item(long id, String title, String type) {
            this.id = id;
            this.title = title;
            this.type = type;
            this.slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        }

        Item content(String html) {
            content = html;
            return this;
        }

        Item excerpt(String text) {
            excerpt = text;
            return this;
        }

        Item status(String wordpressStatus) {
            status = wordpressStatus;
            return this;
        }

        Item slug(String postName) {
            slug = postName;
            return this;
        }

        Item by(String login) {
            creator = login;
            return this;
        }

        Item on(Instant gmt) {
            date = gmt;
            return this;
        }

        Item link(String permalink) {
            link = permalink;
            return this;
        }

        Item under(long parentId) {
            parent = parentId;
            return this;
        }

        Item sticky() {
            sticky = true;
            return this;
        }

        Item commentsClosed() {
            commentStatus = "closed";
            return this;
        }

        Item in(String categorySlug) {
            terms.add(new Wxr.TermRef("category", categorySlug, categorySlug));
            return this;
        }

        Item tagged(String tagSlug, String name) {
            terms.add(new Wxr.TermRef("post_tag", tagSlug, name));
            return this;
        }

        Item meta(String key, String value) {
            meta.add(new Wxr.Meta(key, value));
            return this;
        }

        Item with(Wxr.Comment comment) {
            comments.add(comment);
            return this;
        }

        Wxr.Item build() {
            String permalink = link != null ? link : "https://gazette.example.org/?p=" + id;
            return new Wxr.Item(id, title, permalink, "https://gazette.example.org/?p=" + id, creator, content, excerpt,
                    date, date, status, type, slug, parent, 0, sticky, commentStatus, "", "", List.copyOf(terms),
                    List.copyOf(meta), List.copyOf(comments), 40 + (int) id);
        }
    }
}
