package dateline.search;

import dateline.accounts.Account;
import dateline.accounts.AccountService;
import dateline.articles.ArticleCard;
import dateline.articles.ArticleService;
import dateline.articles.ArticleSummary;
import dateline.articles.ArticleViews;
import dateline.articles.Section;
import dateline.site.SiteService;
import dateline.site.SiteSettings;
import dateline.web.Head;
import dateline.web.InvalidInput;
import dateline.web.Link;
import dateline.web.PageRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a reader's search form into the search page: reads the filters (setting aside, with a notice,
 * any that name nothing), runs the search, and, when nothing is found, offers wider searches and the
 * latest articles.
 */
public final class SearchViews {
    private static final int LATEST = 5;

    private final SearchService search;
    private final ArticleService articles;
    private final AccountService accounts;
    private final SiteService site;
    private final ArticleViews views;

    public SearchViews(SearchService search, ArticleService articles, AccountService accounts, SiteService site,
                       ArticleViews views) {
        this.search = search;
        this.articles = articles;
        this.accounts = accounts;
        this.site = site;
        this.views = views;
    }

    public SearchPage page(SearchForm typed) {
        SiteSettings settings = site.settings();
        List<Section> sections = articles.sections();
        List<Account> authors = new ArrayList<>(accounts.byIds(search.authorsOfPublished()));
        authors.sort(Comparator.comparing(Account::name));
        List<String> notices = new ArrayList<>();
        SearchForm form = typed;

        Optional<Section> section = sections.stream().filter(s -> s.slug().equals(typed.section())).findFirst();
        if (!typed.section().isEmpty() && section.isEmpty()) {
            notices.add("There is no section “" + typed.section() + "”, so every section was searched.");
            form = form.withoutSection();
        }
        Optional<Account> author = authors.stream().filter(a -> a.slug().equals(typed.author())).findFirst();
        if (!typed.author().isEmpty() && author.isEmpty()) {
            notices.add("Nobody called “" + typed.author() + "” has published articles here, so every author's were searched.");
            form = form.withoutAuthor();
        }
        LocalDate from = date(typed.from(), notices);
        LocalDate to = date(typed.to(), notices);
        if (from != null && to != null && from.isAfter(to)) {
            LocalDate earlier = to;
            to = from;
            from = earlier;
        }
        form = new SearchForm(form.q(), form.section(), form.author(), from == null ? "" : from.toString(),
                to == null ? "" : to.toString(), form.page());
        SearchFilters filters = new SearchFilters(section.map(Section::id).orElse(null), author.map(Account::id).orElse(null),
                from, to);

        Found found;
        String problem = null;
        try {
            found = search.forReaders(form.q(), filters, form.page(), settings.articlesPerPage());
        } catch (InvalidInput refused) {
            found = null;
            problem = refused.problems().get("q");
        }
        SearchPage.Outcome outcome = found == null ? SearchPage.Outcome.REFUSED
                : found.terms().isEmpty() ? SearchPage.Outcome.ASKING
                : found.results().isEmpty() ? SearchPage.Outcome.NOTHING_FOUND : SearchPage.Outcome.FOUND;
        List<ArticleCard> latest = outcome == SearchPage.Outcome.NOTHING_FOUND || outcome == SearchPage.Outcome.REFUSED
                ? views.cards(articles.latest(PageRequest.first(LATEST)).items(), settings, sections) : List.of();
        List<SearchPage.Result> results = found == null ? List.of() : results(found, settings, sections);

        String title = (form.q().isBlank() ? "Search" : "Search: " + form.q().strip()) + " – " + settings.title();
        Head head = new Head(title, "Search the articles of " + settings.title() + ".", null, Head.NOINDEX, List.of(), null);
        SearchForm shown = form;
        return new SearchPage(views.frameAt(SearchForm.PATH), head, form,
                sections.stream().map(s -> new SearchPage.Option(s.slug(), s.name(), s.slug().equals(shown.section()))).toList(),
                authors.stream().map(a -> new SearchPage.Option(a.slug(), a.name(), a.slug().equals(shown.author()))).toList(),
                outcome, problem, notices, found == null ? "" : summary(found),
                results,
                found != null && found.page() > 1 && !results.isEmpty() ? form.urlOf(found.page() - 1) : null,
                found != null && found.hasNext() && !results.isEmpty() ? form.urlOf(found.page() + 1) : null,
                found != null && found.pages() > 1 ? "Page " + found.page() + " of " + found.pages() : "",
                outcome == SearchPage.Outcome.NOTHING_FOUND ? widerSearches(form, sections, authors) : List.of(),
                latest);
    }

    private List<SearchPage.Result> results(Found found, SiteSettings settings, List<Section> sections) {
        List<ArticleCard> cards = views.cards(found.results().stream().map(Found.Result::summary).toList(), settings, sections);
        List<SearchPage.Result> results = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            Found.Result r = found.results().get(i);
            results.add(new SearchPage.Result(cards.get(i), r.headline(), r.excerpt()));
        }
        return results;
    }

    private static String summary(Found found) {
        if (found.terms().isEmpty()) return "";
        String terms = found.terms().toString();
        if (found.total() == 0) return "No articles match " + terms + ".";
        if (found.newestOnly()) {
            return String.format("More than %,d articles match %s; here are the %,d published most recently, best first.",
                    found.total(), terms, found.total());
        }
        String count = found.total() == 1 ? "One article matches " : String.format("%,d articles match ", found.total());
        return count + terms + ", best first.";
    }

    /** The same search with one filter fewer, for each filter there is; and with none, when there are several. */
    private static List<Link> widerSearches(SearchForm form, List<Section> sections, List<Account> authors) {
        List<Link> wider = new ArrayList<>();
        if (!form.section().isEmpty()) {
            String name = sections.stream().filter(s -> s.slug().equals(form.section())).map(Section::name).findFirst().orElse("");
            wider.add(new Link("Search every section, not only " + name, form.withoutSection().url()));
        }
        if (!form.author().isEmpty()) {
            String name = authors.stream().filter(a -> a.slug().equals(form.author())).map(Account::name).findFirst().orElse("");
            wider.add(new Link("Search every author's articles, not only " + name + "'s", form.withoutAuthor().url()));
        }
        if (!form.from().isEmpty() || !form.to().isEmpty()) {
            wider.add(new Link("Search articles of any date", form.withoutDates().url()));
        }
        if (wider.size() > 1) wider.add(new Link("Search without any filter", form.withoutFilters().url()));
        return wider;
    }

    private static LocalDate date(String typed, List<String> notices) {
        if (typed.isEmpty()) return null;
        try {
            return LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            notices.add("“" + typed + "” is not a date (they look like 2024-06-20), so it was set aside.");
            return null;
        }
    }
}
