package dateline.imports;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.articles.ArticleUpdate;
import dateline.articles.ArticleType;
import dateline.articles.UpdateKind;
import dateline.comments.CommentService.Imported;
import dateline.comments.CommentService.ImportedThread;
import dateline.comments.CommentStatus;
import dateline.pages.Menu;
import dateline.pages.Page;
import dateline.pages.PageDraft;
import dateline.testing.DemoSites;
import dateline.testing.TestSite;
import java.time.Duration;
import java.util.List;

/**
 * A site with one of everything an export must carry, on top of a demonstration site: a draft, an article
 * waiting for review, a scheduled one, a retracted one, one that moved (its old address redirects), a
 * correction, pages under pages in both menus, and a thread of comments in every status, several levels deep.
 */
final class MovingSites {
    static final String MOVED_FROM_SLUG = "harbour-plan-first-draft";
    static final String MOVED_TO_SLUG = "harbour-plan-approved";

    private MovingSites() {}

    /** The facts a test checks against. */
    record Furnished(Account editor, Article moved, String movedFrom, Article retracted, Article scheduled,
                     Page about, Page ethics, Article threaded) {}

    /** The link both menus hold besides pages and a section. */
    static final String TIPS_URL = "/about/tips/";
    static final String SOCIAL_URL = "https://social.example.net/@gazette";

    static Furnished furnish(TestSite site, int demoArticles) {
        DemoSites.fill(site, demoArticles);
        var w = site.wiring();
        Account editor = w.accounts().open(new NewAccount("editor@example.org", "Ada Editor", Role.ADMINISTRATOR, null));
        var now = site.clock().instant();
        long section = w.articles().sections().get(0).id();
        site.articles().anArticle().headline("A draft about ferries").body("Still *writing* this.").in(section)
                .tagged("ferries").by(editor).written();
        Article pending = site.articles().anArticle().headline("Waiting for an editor").body("Please **read**.")
                .in(section).by(editor).written();
        w.articles().submitForReview(pending.id(), editor);
        Article scheduled = site.articles().anArticle().headline("The budget, tomorrow").body("Numbers.").in(section)
                .by(editor).written();
        scheduled = w.articles().publish(scheduled.id(), now.plus(Duration.ofDays(1)), editor);
        Article retracted = site.articles().anArticle().headline("A claim we got wrong").body("It was *not* so.")
                .in(section).type(ArticleType.ANALYSIS).by(editor).publishedAt(now.minus(Duration.ofDays(3))).article();
        retracted = w.articles().retract(retracted.id(), "The source withdrew the claim.", editor);
        Article moved = site.articles().anArticle().headline("Harbour plan").slug(MOVED_FROM_SLUG)
                .standfirst("The council votes on Tuesday.").body("## What happens\n\nA *vote*.").in(section)
                .tagged("harbour", "council").datelinePlace("PORTSMOUTH").by(editor)
                .publishedAt(now.minus(Duration.ofDays(2))).article();
        String movedFrom = moved.path();
        moved = w.articles().changeSlug(moved.id(), MOVED_TO_SLUG);
        w.articles().recordUpdate(moved.id(), new ArticleUpdate(UpdateKind.CORRECTION, "The vote is on Tuesday, not Monday.",
                now.minus(Duration.ofDays(1))));
        w.comments().importThreads(List.of(new ImportedThread(moved.id(), List.of(
                new Imported(-1, "Rosa Reader", "rosa@example.net", "https://rosa.example.net", "First!",
                        now.minus(Duration.ofHours(30)), CommentStatus.APPROVED),
                new Imported(0, "Ben Answer", "ben@example.net", "", "A reply to Rosa.",
                        now.minus(Duration.ofHours(29)), CommentStatus.APPROVED),
                new Imported(1, "Rosa Reader", "rosa@example.net", "", "And a reply to Ben.",
                        now.minus(Duration.ofHours(28)), CommentStatus.APPROVED),
                new Imported(-1, "Quiet Quentin", "q@example.net", "", "Held for a moderator.",
                        now.minus(Duration.ofHours(27)), CommentStatus.PENDING),
                new Imported(-1, "Cheap Pills", "spam@example.com", "https://spam.example.com", "Buy now",
                        now.minus(Duration.ofHours(26)), CommentStatus.SPAM),
                new Imported(0, "Grumpy", "grumpy@example.net", "", "Thrown away.",
                        now.minus(Duration.ofHours(25)), CommentStatus.TRASH)))));
        Page about = w.pages().create(new PageDraft("About us", "about", null, null, "We are a *newsroom*."));
        about = w.pages().publish(about.id());
        Page ethics = w.pages().create(new PageDraft("Ethics policy", "ethics", about.id(), null, "We correct **openly**."));
        ethics = w.pages().publish(ethics.id());
        w.pages().create(new PageDraft("Unfinished page", "unfinished", null, null, "Soon."));
        w.pages().addPageToMenu(Menu.HEADER, about.id());
        w.pages().addSectionToMenu(Menu.HEADER, section);
        w.pages().addLinkToMenu(Menu.HEADER, "Send us a tip", TIPS_URL);
        w.pages().addPageToMenu(Menu.FOOTER, ethics.id());
        w.pages().addLinkToMenu(Menu.FOOTER, "Follow us", SOCIAL_URL);
        long social = w.pages().menuItems().stream().filter(m -> SOCIAL_URL.equals(m.url())).findFirst().orElseThrow().id();
        w.pages().moveUp(social); // a link before a page, so that the order is tested, not only the entries
        // the desk: an editor, a contributor and the administrator, whose roles travel with the export
        w.accounts().open(new NewAccount("desk@example.org", "Dev Desk", Role.EDITOR, null));
        w.accounts().open(new NewAccount("cora@example.org", "Cora Contributor", Role.CONTRIBUTOR, null));
        // pinned to the front page: a published article, then a scheduled one (which waits to be shown)
        w.articles().pin(moved.id(), editor);
        site.clock().advance(Duration.ofMinutes(5));
        w.articles().pin(scheduled.id(), editor);
        return new Furnished(editor, w.articles().full(moved.id()).orElseThrow().article(), movedFrom, retracted,
                scheduled, about, ethics, moved);
    }
}
