package dateline.admin;

import dateline.articles.Section;
import java.util.List;
import java.util.Map;

/** The sections of the site, and the form to open one. */
public record SectionsPage(AdminFrame frame, List<Section> sections, Map<String, String> values,
                           Map<String, String> problems, String notice) {
    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String problem(String field) {
        return problems.get(field);
    }
}
