package dateline.articles;

import dateline.markup.WordDiff;
import java.util.List;

/** What changed in one part of an article (headline, standfirst, body…), word by word. */
public record FieldDiff(String field, List<WordDiff.Segment> segments) {
    public boolean changed() {
        return WordDiff.changed(segments);
    }
}
