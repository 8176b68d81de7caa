package dateline.pages;

/**
 * One entry of a menu. It names a page ({@code pageId}, with the page's title, path and status read
 * with it), a section ({@code sectionId}; its name and address are the articles feature's), or a link
 * ({@code label} and {@code url}).
 */
public record MenuItem(long id, Menu menu, int position, Long pageId, Long sectionId, String label, String url,
                       String pageTitle, String pagePath, PageStatus pageStatus) {
    public boolean isPage() {
        return pageId != null;
    }

    public boolean isSection() {
        return sectionId != null;
    }
}
