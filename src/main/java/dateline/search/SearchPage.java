package dateline.search;

import dateline.articles.ArticleCard;
import dateline.web.Frame;
import dateline.web.Head;
import dateline.web.Link;
import java.util.List;

/**
 * The public search page: the form as the reader filled it, and what came of it. {@code problem} says why
 * a search could not be run; {@code notices} why a filter was set aside. When nothing is found,
 * {@code widerSearches} drop one filter each and {@code latest} offers the newest articles.
 */
public record SearchPage(
        Frame frame,
        Head head,
        SearchForm form,
        List<Option> sections,
        List<Option> authors,
        Outcome outcome,
        String problem,
        List<String> notices,
        String summary,
        List<Result> results,
        String previousUrl,
        String nextUrl,
        String pageLabel,
        List<Link> widerSearches,
        List<ArticleCard> latest) {

    public enum Outcome {
        /** Nothing typed yet: the form alone. */
        ASKING,
        FOUND,
        NOTHING_FOUND,
        /** What was typed cannot be searched; {@code problem} says why. */
        REFUSED
    }

    /** A choice in a select: its value, its label, and whether it is the one chosen. */
    public record Option(String value, String label, boolean selected) {}

    /** One result: the article as lists show it, with its headline and an excerpt highlighted. */
    public record Result(ArticleCard card, Highlighted headline, Highlighted excerpt) {}
}
