package dateline.admin;

import dateline.pages.Page;
import java.util.List;
import java.util.Map;

/** The site's pages, each with its status and address, and what the last change did. */
public record PageListScreen(AdminFrame frame, List<Page> pages, Map<Long, String> parentTitles, String notice) {
    public String parentOf(Page page) {
        return page.parentId() == null ? "" : parentTitles.getOrDefault(page.parentId(), "");
    }
}
