package dateline.admin;

import dateline.site.Stamp;

/**
 * An article as the newsroom's lists show it. {@code published} and {@code publicUrl} are null until it is out;
 * {@code pinned} says it is pinned to the front page.
 */
public record ArticleRow(long id, String headline, String statusCode, String statusLabel, String authors,
                         String section, Stamp edited, Stamp published, String publicUrl, boolean pinned) {
    public String editUrl() {
        return "/admin/articles/" + id;
    }
}
