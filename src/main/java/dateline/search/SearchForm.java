package dateline.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The public search form as a reader sent it: every field as typed (empty when not given), so that the
 * page can show it again and build its links. Section and author are slugs; dates are {@code yyyy-mm-dd}.
 */
public record SearchForm(String q, String section, String author, String from, String to, int page) {
    public static final String PATH = "/search";

    public SearchForm {
        q = q == null ? "" : q;
        section = section == null ? "" : section.strip();
        author = author == null ? "" : author.strip();
        from = from == null ? "" : from.strip();
        to = to == null ? "" : to.strip();
        page = Math.max(1, Math.min(page, SearchService.MAX_PAGES));
    }

    /** The page number as typed, or the first page when it is not a number. */
    public static int pageOf(String typed) {
        if (typed == null || !typed.strip().matches("\\d{1,6}")) return 1;
        return Integer.parseInt(typed.strip());
    }

    public boolean hasFilters() {
        return !(section.isEmpty() && author.isEmpty() && from.isEmpty() && to.isEmpty());
    }

    /** The address of another page of this search. */
    public String urlOf(int otherPage) {
        return url(new SearchForm(q, section, author, from, to, otherPage));
    }

    public SearchForm withoutSection() {
        return new SearchForm(q, "", author, from, to, 1);
    }

    public SearchForm withoutAuthor() {
        return new SearchForm(q, section, "", from, to, 1);
    }

    public SearchForm withoutDates() {
        return new SearchForm(q, section, author, "", "", 1);
    }

    public SearchForm withoutFilters() {
        return new SearchForm(q, "", "", "", "", 1);
    }

    public String url() {
        return url(this);
    }

    private static String url(SearchForm f) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", f.q());
        params.put("section", f.section());
        params.put("author", f.author());
        params.put("from", f.from());
        params.put("to", f.to());
        if (f.page() > 1) params.put("page", Integer.toString(f.page()));
        String query = params.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? PATH : PATH + "?" + query;
    }
}
