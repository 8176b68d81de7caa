package dateline.articles;

import dateline.site.Stamp;
import dateline.web.Frame;
import dateline.web.Head;
import java.util.List;

/** Every correction the site has published, newest first, with a link to the policy when there is one. */
public record CorrectionsPage(Frame frame, Head head, List<Row> corrections, String olderUrl, String policyUrl) {
    public record Row(String headline, String url, String note, Stamp at) {}
}
