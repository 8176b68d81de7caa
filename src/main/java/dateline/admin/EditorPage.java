package dateline.admin;

import dateline.accounts.Account;
import dateline.articles.ArticlePage;
import dateline.articles.ArticleStatus;
import dateline.articles.ArticleType;
import dateline.articles.FieldDiff;
import dateline.articles.Section;
import dateline.web.Picture;
import java.util.List;
import java.util.Map;

/**
 * The article editor. {@code articleId} and {@code version} are null for a new article. {@code conflict}
 * is set when somebody else saved since the editor was opened; {@code autosaved} when the writer has a
 * newer autosave than the article. {@code bodyFormat} is how the body is written ("markdown"; "html" for an
 * imported article), for the live preview. {@code pin} is null unless the member may pin the article to the front page.
 */
public record EditorPage(
        AdminFrame frame,
        Long articleId,
        Integer version,
        ArticleStatus status,
        EditorForm form,
        Map<String, String> problems,
        String notice,
        List<Section> sections,
        List<Account> people,
        List<ArticleType> types,
        String previewHtml,
        String bodyFormat,
        String publicUrl,
        String timezone,
        boolean canPublish,
        boolean canRetract,
        String scheduledFor,
        List<ArticlePage.UpdateNote> updates,
        Conflict conflict,
        Autosaved autosaved,
        Picture featured,
        List<MediaChoice> library,
        boolean canUpload,
        int uploadLimitMegabytes,
        Pin pin) {

    /** Whether the article is pinned to the front page; a retracted one cannot be pinned again. */
    public record Pin(boolean pinned, boolean retracted) {}

    /** An image of the library that can be chosen as the featured image. */
    public record MediaChoice(long id, String name) {}

    /** Somebody's newer save, and how the typed text differs from it. */
    public record Conflict(String savedAt, List<FieldDiff> differences) {}

    /** A newer autosave of this writer's, and where to restore it from. */
    public record Autosaved(String savedAt, long revisionId) {}

    public String problem(String field) {
        return problems.get(field);
    }

    public boolean isNew() {
        return articleId == null;
    }

    public boolean isPublic() {
        return status != null && status.isPublic();
    }

    public String action() {
        return isNew() ? "/admin/articles" : "/admin/articles/" + articleId;
    }
}
