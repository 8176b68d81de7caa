package dateline.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.articles.BodyFormat;
import dateline.testing.TestSite;
import dateline.web.InvalidInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageServiceTest {
    private final TestSite site = TestSite.services();
    private final PageService pages = site.wiring().pages();

    @AfterEach
    void close() {
        site.close();
    }

    private static PageDraft markdown(String title, String slug, Long parent, String body) {
        return new PageDraft(title, slug, parent, BodyFormat.MARKDOWN, body);
    }

    private static InvalidInput refused(Runnable change) {
        try {
            change.run();
        } catch (InvalidInput e) {
            return e;
        }
        throw new AssertionError("the change was not refused");
    }

    @Nested
    class Addresses {
        @Test
        void a_page_lives_at_its_slug_made_from_the_title_when_none_is_given() {
            Page page = pages.create(markdown("About the Newsroom", "", null, "We report."));
            assertThat(page.path()).isEqualTo("/about-the-newsroom/");
            assertThat(page.status()).isEqualTo(PageStatus.DRAFT);
        }

        @Test
        void a_child_page_lives_under_its_parent() {
            Page about = pages.create(markdown("About", "about", null, ""));
            Page team = pages.create(markdown("Our team", "team", about.id(), ""));
            assertThat(team.path()).isEqualTo("/about/team/");
        }

        @ParameterizedTest
        @ValueSource(strings = {"admin", "feed", "search", "sections", "tags", "authors", "api", "policies", "2024",
                "corrections", "media", "assets", "login", "setup", "sitemaps"})
        void a_top_level_page_cannot_take_an_address_the_site_uses(String slug) {
            InvalidInput e = refused(() -> pages.create(markdown("Page", slug, null, "")));
            assertThat(e.problems()).containsKey("slug");
            assertThat(e.problems().get("slug")).contains("/" + slug + "/");
        }

        @Test
        void a_child_page_may_have_a_slug_the_site_uses_at_the_top() {
            Page about = pages.create(markdown("About", "about", null, ""));
            assertThat(pages.create(markdown("Search", "search", about.id(), "")).path()).isEqualTo("/about/search/");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Not A Slug", "a/b", "-edge", "dots.here", "../up"})
        void a_slug_that_is_not_a_slug_is_refused(String slug) {
            assertThat(refused(() -> pages.create(markdown("Page", slug, null, ""))).problems()).containsKey("slug");
        }

        @Test
        void two_pages_cannot_share_an_address_but_may_share_a_slug_under_different_parents() {
            Page about = pages.create(markdown("About", "about", null, ""));
            Page help = pages.create(markdown("Help", "help", null, ""));
            pages.create(markdown("Contact", "contact", about.id(), ""));
            assertThat(pages.create(markdown("Contact", "contact", help.id(), "")).path()).isEqualTo("/help/contact/");
            assertThat(refused(() -> pages.create(markdown("Contact again", "contact", about.id(), ""))).problems())
                    .containsKey("slug");
        }

        @Test
        void a_page_cannot_be_put_under_itself_or_under_a_page_below_it() {
            Page about = pages.create(markdown("About", "about", null, ""));
            Page team = pages.create(markdown("Team", "team", about.id(), ""));
            Page desk = pages.create(markdown("Desk", "desk", team.id(), ""));
            assertThat(refused(() -> pages.update(about.id(), markdown("About", "about", about.id(), ""))).problems())
                    .containsKey("parent");
            assertThat(refused(() -> pages.update(about.id(), markdown("About", "about", desk.id(), ""))).problems())
                    .containsKey("parent");
        }

        @Test
        void a_parent_that_does_not_exist_is_refused() {
            assertThat(refused(() -> pages.create(markdown("Lost", "lost", 999L, ""))).problems()).containsKey("parent");
        }

        @Test
        void moving_a_page_moves_the_pages_under_it_and_keeps_every_old_address() {
            Page about = pages.create(markdown("About", "about", null, ""));
            Page team = pages.create(markdown("Team", "team", about.id(), ""));
            pages.publish(about.id());
            pages.publish(team.id());
            pages.update(about.id(), markdown("Who we are", "who-we-are", null, ""));
            assertThat(pages.byId(team.id()).orElseThrow().path()).isEqualTo("/who-we-are/team/");
            assertThat(pages.find("/about/")).isEqualTo(new PageLookup.Moved("/who-we-are/"));
            assertThat(pages.find("/about/team/")).isEqualTo(new PageLookup.Moved("/who-we-are/team/"));
        }

        @Test
        void a_page_with_pages_under_it_cannot_be_deleted() {
            Page about = pages.create(markdown("About", "about", null, ""));
            pages.create(markdown("Team", "team", about.id(), ""));
            assertThat(refused(() -> pages.delete(about.id())).problems()).containsKey("page");
        }
    }

    @Nested
    class Bodies {
        @Test
        void markdown_is_rendered_to_safe_html() {
            Page page = pages.create(markdown("About", "about", null, "## Who\n\nWe *report*.\n\n<script>alert(1)</script>"));
            assertThat(page.bodyHtml()).contains("<h2", "<em>report</em>").doesNotContain("<script");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<svg onload=alert(1)>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<p style=\"background:url(javascript:alert(1))\">x</p>",
                "<div onclick=\"alert(1)\">x</div>"})
        void html_is_stored_sanitized(String payload) {
            Page page = pages.create(new PageDraft("Imported", "imported", null, BodyFormat.HTML, "<p>Kept</p>" + payload));
            for (String stored : List.of(page.body(), page.bodyHtml())) {
                assertThat(stored.toLowerCase()).contains("<p>kept</p>")
                        .doesNotContain("<script", "onerror", "javascript:", "onload", "<iframe", "onclick");
            }
        }

        @Test
        void an_import_keeps_its_status_and_dates() {
            Instant written = Instant.parse("2015-03-01T10:00:00Z");
            Page page = pages.create(new PageDraft("Ethics", "ethics-code", null, BodyFormat.HTML, "<p>Be fair.</p>"),
                    PageStatus.PUBLISHED, written, written);
            assertThat(page.createdAt()).isEqualTo(written);
            assertThat(pages.find("/ethics-code/")).isInstanceOf(PageLookup.Found.class);
        }
    }

    @Nested
    class Listeners {
        private final List<PageEvent> heard = new ArrayList<>();
        private final List<Menu> menus = new ArrayList<>();

        Listeners() {
            pages.addListener(new PageListener() {
                @Override
                public void changed(PageEvent event) {
                    heard.add(event);
                }

                @Override
                public void menuChanged(Menu menu) {
                    menus.add(menu);
                }
            });
        }

        @Test
        void are_told_of_publishing_updates_moves_unpublishing_and_deletion() {
            Page page = pages.create(markdown("About", "about", null, ""));
            assertThat(heard).isEmpty();
            pages.publish(page.id());
            pages.update(page.id(), markdown("About", "about-us", null, "New text"));
            pages.unpublish(page.id());
            pages.delete(page.id());
            assertThat(heard).extracting(PageEvent::kind).containsExactly(PageEvent.Kind.PUBLISHED,
                    PageEvent.Kind.UPDATED, PageEvent.Kind.UNPUBLISHED, PageEvent.Kind.DELETED);
            assertThat(heard.get(1).formerPath()).isEqualTo(Optional.of("/about/"));
            assertThat(heard.get(1).page().path()).isEqualTo("/about-us/");
        }

        @Test
        void are_told_when_a_menu_is_arranged() {
            pages.addLinkToMenu(Menu.FOOTER, "Tips", "https://tips.example.org/");
            pages.moveUp(pages.menuItems().get(0).id());
            assertThat(menus).containsExactly(Menu.FOOTER, Menu.FOOTER);
        }

        @Test
        void hear_nothing_of_a_change_that_was_refused() {
            assertThatThrownBy(() -> pages.create(markdown("", "", null, ""))).isInstanceOf(InvalidInput.class);
            assertThat(heard).isEmpty();
        }
    }

    @Nested
    class Menus {
        @Test
        void a_link_must_be_http_or_an_address_of_the_site() {
            for (String url : List.of("javascript:alert(1)", "//evil.example/", "data:text/html,x", "ftp://x", "")) {
                assertThat(refused(() -> pages.addLinkToMenu(Menu.HEADER, "Link", url)).problems()).containsKey("url");
            }
            pages.addLinkToMenu(Menu.HEADER, "Home", "/");
            pages.addLinkToMenu(Menu.HEADER, "Archive", "https://archive.example.org/");
            assertThat(pages.menuItems()).hasSize(2);
        }

        @Test
        void items_keep_the_order_the_newsroom_arranges() {
            pages.addLinkToMenu(Menu.FOOTER, "One", "/one/");
            pages.addLinkToMenu(Menu.FOOTER, "Two", "/two/");
            pages.addLinkToMenu(Menu.FOOTER, "Three", "/three/");
            long three = pages.menuItems().get(2).id();
            pages.moveUp(three);
            pages.moveUp(three);
            pages.moveUp(three); // already first: stays
            pages.moveDown(pages.menuItems().get(1).id());
            assertThat(pages.menus(List.of()).footer()).extracting(l -> l.label()).containsExactly("Three", "Two", "One");
        }

        @Test
        void a_draft_page_stays_out_of_the_menus_until_it_is_published() {
            Page page = pages.create(markdown("About", "about", null, ""));
            pages.addPageToMenu(Menu.HEADER, page.id());
            assertThat(pages.menus(List.of()).header()).isEmpty();
            pages.publish(page.id());
            assertThat(pages.menus(List.of()).header()).extracting(l -> l.url()).containsExactly("/about/");
        }
    }
}
