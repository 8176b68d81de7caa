package dateline.articles;

import dateline.site.Stamp;
import dateline.web.Frame;
import dateline.web.Head;
import java.util.List;

/** An article's public update history: each significant update and correction, with what changed. */
public record HistoryPage(Frame frame, Head head, String headline, String articleUrl, Stamp published,
                          List<Entry> entries) {
    public record Entry(String label, Stamp at, String note, List<FieldDiff> changes) {}
}
