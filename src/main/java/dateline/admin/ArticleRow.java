package dateline.admin;

import dateline.site.Stamp;

/** An article as the newsroom's lists show it. {@code published} and {@code publicUrl} are null until it is out. */
public record ArticleRow(long id, String headline, String statusCode, String statusLabel, String authors,
                         String section, Stamp edited, Stamp published, String publicUrl) {
    public String editUrl() {
        return "/admin/articles/" + id;
    }
}
