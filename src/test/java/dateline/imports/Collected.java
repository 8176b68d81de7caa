package dateline.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A handler that keeps everything it is handed, in order, for tests to look at. */
class Collected implements Wxr.Handler {
    final List<Wxr.Site> sites = new ArrayList<>();
    final List<Wxr.Author> authors = new ArrayList<>();
    final List<Wxr.Term> terms = new ArrayList<>();
    final List<Wxr.Item> items = new ArrayList<>();
    /** The kinds of part in the order they came: "site", "author", "term", "item". */
    final List<String> order = new ArrayList<>();

    @Override
    public void site(Wxr.Site site) {
        sites.add(site);
        order.add("site");
    }

    @Override
    public void author(Wxr.Author author) {
        authors.add(author);
        order.add("author");
    }

    @Override
    public void term(Wxr.Term term) {
        terms.add(term);
        order.add("term");
    }

    @Override
    public void item(Wxr.Item item) {
        items.add(item);
        order.add("item");
    }

    Wxr.Item item(long postId) {
        return items.stream().filter(i -> i.postId() == postId).findFirst().orElseThrow();
    }

    Wxr.Item titled(String title) {
        return items.stream().filter(i -> i.title().equals(title)).findFirst().orElseThrow();
    }

    List<Wxr.Item> ofType(String postType) {
        return items.stream().filter(i -> i.postType().equals(postType)).toList();
    }

    Optional<Wxr.Term> term(String taxonomy, String slug) {
        return terms.stream().filter(t -> t.taxonomy().equals(taxonomy) && t.slug().equals(slug)).findFirst();
    }

    static Wxr.Comment comment(Wxr.Item item, long id) {
        return item.comments().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }
}
