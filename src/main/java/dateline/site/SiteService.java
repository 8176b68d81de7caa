package dateline.site;

import dateline.web.InvalidInput;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Base64;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The site's own settings, kept in the database so that every node of a site reads the same. */
public final class SiteService {
    private static final String TITLE = "title";
    private static final String DESCRIPTION = "description";
    private static final String TIMEZONE = "timezone";
    private static final String DATE_FORMAT = "date_format";
    private static final String TIME_FORMAT = "time_format";
    private static final String LANGUAGE = "language";
    private static final String ARTICLES_PER_PAGE = "articles_per_page";
    private static final String SETUP_TOKEN = "setup_token";

    private final SiteRepository repository;
    private final SecureRandom random = new SecureRandom();

    public SiteService(Jdbi jdbi) {
        this.repository = new SiteRepository(jdbi);
    }

    public SiteSettings settings() {
        Map<String, String> stored = repository.all();
        SiteSettings defaults = SiteSettings.defaults();
        return new SiteSettings(
                stored.getOrDefault(TITLE, defaults.title()),
                stored.getOrDefault(DESCRIPTION, defaults.description()),
                zoneOr(stored.get(TIMEZONE), defaults.timezone()),
                stored.getOrDefault(DATE_FORMAT, defaults.dateFormat()),
                stored.getOrDefault(TIME_FORMAT, defaults.timeFormat()),
                stored.getOrDefault(LANGUAGE, defaults.language()),
                intOr(stored.get(ARTICLES_PER_PAGE), defaults.articlesPerPage()));
    }

    /** Checks and stores every setting at once; nothing is stored when one of them is wrong. */
    public void save(SiteSettings settings) {
        InvalidInput.check()
                .when(isBlank(settings.title()), TITLE, "Give the site a title.")
                .when(settings.title() != null && settings.title().length() > 120, TITLE,
                        "Keep the title under 120 characters.")
                .when(settings.description() != null && settings.description().length() > 300, DESCRIPTION,
                        "Keep the description under 300 characters.")
                .when(settings.timezone() == null, TIMEZONE, "Choose a timezone.")
                .when(isBlank(settings.dateFormat()), DATE_FORMAT, "Choose a date format.")
                .when(isBlank(settings.timeFormat()), TIME_FORMAT, "Choose a time format.")
                .when(!isLanguageTag(settings.language()), LANGUAGE, "Use a language tag such as en or en-GB.")
                .when(settings.articlesPerPage() < 1 || settings.articlesPerPage() > 100, ARTICLES_PER_PAGE,
                        "Show between 1 and 100 articles per page.")
                .throwIfAny();
        Map<String, String> values = new LinkedHashMap<>();
        values.put(TITLE, settings.title().strip());
        values.put(DESCRIPTION, settings.description() == null ? "" : settings.description().strip());
        values.put(TIMEZONE, settings.timezone().getId());
        values.put(DATE_FORMAT, settings.dateFormat());
        values.put(TIME_FORMAT, settings.timeFormat());
        values.put(LANGUAGE, settings.language());
        values.put(ARTICLES_PER_PAGE, Integer.toString(settings.articlesPerPage()));
        repository.putAll(values);
    }

    /**
     * The secret that lets a person set up a new site from another machine, created once and kept in the
     * database so that every node knows it; it is printed in the server's log, never on a page.
     */
    public String setupToken() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return repository.putIfAbsent(SETUP_TOKEN, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Once the site is set up, the set-up secret has no use left. */
    public void forgetSetupToken() {
        repository.remove(SETUP_TOKEN);
    }

    private static ZoneId zoneOr(String id, ZoneId fallback) {
        try {
            return id == null ? fallback : ZoneId.of(id);
        } catch (DateTimeException e) {
            return fallback;
        }
    }

    private static int intOr(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isLanguageTag(String tag) {
        if (isBlank(tag)) return false;
        try {
            return !new Locale.Builder().setLanguageTag(tag).build().getLanguage().isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
