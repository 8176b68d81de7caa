package dateline.admin;

import dateline.pages.Page;
import java.util.List;
import java.util.Map;

/**
 * A page in the editor: the form's values (as typed, when refused), the pages it may live under, and,
 * once it exists, the page as stored. {@code previewHtml} is the text in the form as readers would get it,
 * rendered as the article editor's preview is, so that the preview shows before any script runs.
 */
public record PageEditorScreen(AdminFrame frame, Page page, Map<String, String> values, List<Page> parents,
                               Map<String, String> problems, String notice, String previewHtml) {
    public boolean isNew() {
        return page == null;
    }

    public String action() {
        return isNew() ? "/admin/pages" : "/admin/pages/" + page.id();
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String problem(String field) {
        return problems.get(field);
    }
}
