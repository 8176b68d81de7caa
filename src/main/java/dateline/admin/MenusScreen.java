package dateline.admin;

import dateline.articles.Section;
import dateline.pages.Menu;
import dateline.pages.MenuItem;
import dateline.pages.Page;
import java.util.List;
import java.util.Map;

/** Both menus in their order, with what may be added to them. */
public record MenusScreen(AdminFrame frame, Map<Menu, List<MenuItem>> menus, List<Page> pages, List<Section> sections,
                          Map<String, String> values, Map<String, String> problems, String notice) {
    public List<Menu> menuNames() {
        return List.of(Menu.values());
    }

    public List<MenuItem> items(Menu menu) {
        return menus.getOrDefault(menu, List.of());
    }

    /** How the item reads in the newsroom: what it links to. */
    public String describe(MenuItem item) {
        if (item.isPage()) return item.pageTitle() + " (page" + (item.pageStatus().code().equals("draft")
                ? ", a draft: hidden until published)" : ")");
        if (item.isSection()) {
            return sections.stream().filter(s -> s.id() == item.sectionId()).map(s -> s.name() + " (section)")
                    .findFirst().orElse("A closed section");
        }
        return item.label() + " (" + item.url() + ")";
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String problem(String field) {
        return problems.get(field);
    }
}
