package dateline.admin;

import dateline.site.Stamp;
import java.util.List;
import java.util.Map;

/** The media library: images newest first, each with its alt text and the Markdown that places it in an article. */
public record MediaLibraryPage(AdminFrame frame, List<Item> items, String olderUrl, Map<String, String> values,
                               Map<String, String> problems, String notice, int uploadLimitMegabytes) {
    public record Item(long id, String name, String thumbnail, String srcset, int width, int height, String alt,
                       String markdown, Stamp uploaded) {}

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String problem(String field) {
        return problems.get(field);
    }
}
