package dateline.admin;

import dateline.articles.FieldDiff;
import dateline.site.Stamp;
import java.util.List;

/**
 * An article's revisions, newest first, and, when two were chosen, what changed between them.
 * {@code version} is the article's current version, for restoring.
 */
public record RevisionsPage(AdminFrame frame, long articleId, String headline, int version, List<Row> revisions,
                            Long from, Long to, List<FieldDiff> differences, boolean canRestore) {
    public record Row(long id, String kind, String savedBy, Stamp savedAt, String headline) {}
}
