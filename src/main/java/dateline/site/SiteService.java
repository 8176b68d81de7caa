package dateline.site;

import dateline.web.InvalidInput;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * The site's own settings, kept in the database so that every node of a site reads the same: how it
 * presents itself, its policies, and the mail server it sends through.
 */
public final class SiteService {
    private static final String TITLE = "title";
    private static final String DESCRIPTION = "description";
    private static final String TIMEZONE = "timezone";
    private static final String DATE_FORMAT = "date_format";
    private static final String TIME_FORMAT = "time_format";
    private static final String LANGUAGE = "language";
    private static final String ARTICLES_PER_PAGE = "articles_per_page";
    private static final String COMMENTS_OPEN = "comments_open_by_default";
    private static final String CLOSE_COMMENTS_AFTER = "close_comments_after_days";
    private static final String UPLOAD_LIMIT = "upload_limit_megabytes";
    private static final String SETUP_TOKEN = "setup_token";
    private static final String CORRECTIONS_POLICY = "policy_corrections";
    private static final String ETHICS_POLICY = "policy_ethics";
    private static final String CONTACT = "policy_contact";
    private static final String MASTHEAD = "policy_masthead";
    private static final String FEED_CONTENT = "feed_content";
    private static final String FEED_LENGTH = "feed_length";
    private static final String LOGO_URL = "publisher_logo_url";
    private static final Pattern LOGO = Pattern.compile("(https?://|/)[^\\s\"<>]*");
    private static final String SMTP_HOST = "smtp_host";
    private static final String SMTP_PORT = "smtp_port";
    private static final String SMTP_SECURITY = "smtp_security";
    private static final String SMTP_USERNAME = "smtp_username";
    private static final String SMTP_PASSWORD = "smtp_password";
    private static final String SMTP_FROM_ADDRESS = "smtp_from_address";
    private static final String SMTP_FROM_NAME = "smtp_from_name";
    private static final String COMMENT = "comments_";
    private static final String SECRET = "site_secret";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}");
    private static final int MAX_POLICY = 100_000;

    private final SiteRepository repository;
    private final SecureRandom random = new SecureRandom();
    /** Once made, the secret never changes, so one read serves the life of the process. */
    private volatile byte[] secret;

    private final java.util.List<SiteListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * How long a server uses the settings it holds before asking whether any server changed them: a page
     * reads them several times, and a write on this server is seen at once.
     */
    static final Duration RECHECK = Duration.ofSeconds(1);

    /** The stored settings as last read, with the version they had and when that was checked. */
    private record Snapshot(Map<String, String> values, String version, Instant checkedAt) {}

    private final Clock clock;
    private volatile Snapshot snapshot;

    public SiteService(Jdbi jdbi) {
        this(jdbi, Clock.systemUTC());
    }

    public SiteService(Jdbi jdbi, Clock clock) {
        this.repository = new SiteRepository(jdbi);
        this.clock = clock;
    }

    /**
     * The stored settings, from memory while they are known current: not a source of truth of its own, as
     * the version row in the database says when to read them again.
     */
    private Map<String, String> stored() {
        Snapshot known = snapshot;
        Instant now = clock.instant();
        if (known != null && !now.isBefore(known.checkedAt()) && now.isBefore(known.checkedAt().plus(RECHECK))) {
            return known.values();
        }
        if (known != null && known.version().equals(repository.version())) {
            snapshot = new Snapshot(known.values(), known.version(), now);
            return known.values();
        }
        Map<String, String> all = Map.copyOf(repository.all());
        snapshot = new Snapshot(all, all.getOrDefault(SiteRepository.VERSION, ""), now);
        return all;
    }

    /**
     * Forgets the settings held in memory, so that the next read takes them from the database: another
     * process changed them, and pages rendered from now on must show the change at once.
     */
    public void changedElsewhere() {
        snapshot = null;
    }

    public void addListener(SiteListener listener) {
        listeners.add(listener);
    }

    private void told() {
        snapshot = null;
        for (SiteListener listener : listeners) listener.settingsChanged();
    }

    public SiteSettings settings() {
        Map<String, String> stored = stored();
        SiteSettings defaults = SiteSettings.defaults();
        return new SiteSettings(
                stored.getOrDefault(TITLE, defaults.title()),
                stored.getOrDefault(DESCRIPTION, defaults.description()),
                zoneOr(stored.get(TIMEZONE), defaults.timezone()),
                stored.getOrDefault(DATE_FORMAT, defaults.dateFormat()),
                stored.getOrDefault(TIME_FORMAT, defaults.timeFormat()),
                stored.getOrDefault(LANGUAGE, defaults.language()),
                intOr(stored.get(ARTICLES_PER_PAGE), defaults.articlesPerPage()),
                Boolean.parseBoolean(stored.getOrDefault(COMMENTS_OPEN, Boolean.toString(defaults.commentsOpenByDefault()))),
                intOr(stored.get(CLOSE_COMMENTS_AFTER), defaults.closeCommentsAfterDays()),
                intOr(stored.get(UPLOAD_LIMIT), defaults.uploadLimitMegabytes()));
    }

    public Policies policies() {
        Map<String, String> stored = stored();
        return new Policies(stored.getOrDefault(CORRECTIONS_POLICY, ""), stored.getOrDefault(ETHICS_POLICY, ""),
                stored.getOrDefault(CONTACT, ""), stored.getOrDefault(MASTHEAD, ""));
    }

    public DiscoverySettings discovery() {
        Map<String, String> stored = stored();
        DiscoverySettings d = DiscoverySettings.defaults();
        return new DiscoverySettings(
                DiscoverySettings.FeedContent.ofCode(stored.getOrDefault(FEED_CONTENT, "")).orElse(d.feedContent()),
                intOr(stored.get(FEED_LENGTH), d.feedLength()),
                stored.getOrDefault(LOGO_URL, d.logoUrl()));
    }

    public SmtpServer smtp() {
        Map<String, String> stored = stored();
        SmtpServer none = SmtpServer.none();
        return new SmtpServer(stored.getOrDefault(SMTP_HOST, none.host()),
                intOr(stored.get(SMTP_PORT), none.port()),
                stored.getOrDefault(SMTP_SECURITY, none.security()),
                stored.getOrDefault(SMTP_USERNAME, none.username()),
                stored.getOrDefault(SMTP_PASSWORD, none.password()),
                stored.getOrDefault(SMTP_FROM_ADDRESS, none.fromAddress()),
                stored.getOrDefault(SMTP_FROM_NAME, none.fromName()));
    }

    public CommentSettings comments() {
        Map<String, String> stored = stored();
        CommentSettings d = CommentSettings.defaults();
        return new CommentSettings(
                intOr(stored.get(COMMENT + "thread_depth"), d.threadDepth()),
                intOr(stored.get(COMMENT + "per_page"), d.perPage()),
                boolOr(stored.get(COMMENT + "newest_first"), d.newestFirst()),
                boolOr(stored.get(COMMENT + "hold_all"), d.holdAll()),
                boolOr(stored.get(COMMENT + "trust_previously_approved"), d.trustPreviouslyApproved()),
                intOr(stored.get(COMMENT + "link_limit"), d.linkLimit()),
                stored.getOrDefault(COMMENT + "moderation_words", d.moderationWords()),
                stored.getOrDefault(COMMENT + "disallowed_words", d.disallowedWords()),
                boolOr(stored.get(COMMENT + "notify_authors"), d.notifyAuthors()),
                boolOr(stored.get(COMMENT + "notify_moderators"), d.notifyModerators()),
                intOr(stored.get(COMMENT + "keep_addresses_days"), d.keepAddressesDays()),
                intOr(stored.get(COMMENT + "minimum_fill_seconds"), d.minimumFillSeconds()),
                intOr(stored.get(COMMENT + "empty_spam_after_days"), d.emptySpamAfterDays()));
    }

    public void saveComments(CommentSettings settings) {
        InvalidInput.Problems problems = InvalidInput.check();
        check(settings, problems);
        problems.throwIfAny();
        repository.putAll(values(settings));
        told();
    }

    /**
     * The site's own secret, made once and kept in the database so that every node shares it: the key of
     * the hashes and signatures the site makes (readers' avatars, their pending-comment cookies, the comment
     * form's token). It never appears on a page or in a log.
     */
    public byte[] secret() {
        byte[] known = secret;
        if (known != null) return known.clone();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        secret = Base64.getDecoder().decode(repository.putIfAbsent(SECRET, Base64.getEncoder().encodeToString(bytes)));
        return secret.clone();
    }

    /** Checks and stores the presentation settings; nothing is stored when one of them is wrong. */
    public void save(SiteSettings settings) {
        InvalidInput.Problems problems = InvalidInput.check();
        check(settings, problems);
        problems.throwIfAny();
        repository.putAll(values(settings));
        told();
    }

    /**
     * Checks everything on the settings screen at once and stores it in one transaction, or nothing. A blank
     * mail password keeps the stored one.
     */
    public void saveAll(SiteSettings settings, Policies policies, SmtpServer smtp) {
        saveAll(settings, policies, smtp, comments());
    }

    public void saveAll(SiteSettings settings, Policies policies, SmtpServer smtp, CommentSettings comments) {
        saveAll(settings, policies, smtp, comments, discovery());
    }

    public void saveAll(SiteSettings settings, Policies policies, SmtpServer smtp, CommentSettings comments,
                        DiscoverySettings discovery) {
        InvalidInput.Problems problems = problems(settings, policies, smtp, comments);
        check(discovery, problems);
        problems.throwIfAny();
        Map<String, String> values = values(settings, policies, smtp);
        values.putAll(values(comments));
        values.putAll(values(discovery));
        repository.putAll(values);
        told();
    }

    /** What is wrong with the feed and publisher settings, field by field, without storing anything. */
    public Map<String, String> problemsWith(DiscoverySettings discovery) {
        InvalidInput.Problems problems = InvalidInput.check();
        check(discovery, problems);
        return problems.found();
    }

    private static void check(DiscoverySettings d, InvalidInput.Problems problems) {
        String logo = strip(d.logoUrl());
        problems.when(d.feedContent() == null, FEED_CONTENT, "Choose what feeds carry.")
                .when(d.feedLength() < 1 || d.feedLength() > 100, FEED_LENGTH, "Put from 1 to 100 articles in a feed.")
                .when(!logo.isEmpty() && (logo.length() > 500 || !LOGO.matcher(logo).matches()), LOGO_URL,
                        "Give the logo's address, such as https://example.org/logo.png or /media/logo.png.");
    }

    private static Map<String, String> values(DiscoverySettings d) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(FEED_CONTENT, d.feedContent().code());
        values.put(FEED_LENGTH, Integer.toString(d.feedLength()));
        values.put(LOGO_URL, strip(d.logoUrl()));
        return values;
    }

    /** What is wrong with these settings, field by field, without storing anything. */
    public Map<String, String> problemsWith(SiteSettings settings, Policies policies, SmtpServer smtp,
                                            CommentSettings comments) {
        return problems(settings, policies, smtp, comments).found();
    }

    private static InvalidInput.Problems problems(SiteSettings settings, Policies policies, SmtpServer smtp,
                                                  CommentSettings comments) {
        InvalidInput.Problems problems = InvalidInput.check();
        check(settings, problems);
        check(policies, problems);
        check(smtp, problems);
        check(comments, problems);
        return problems;
    }

    private static Map<String, String> values(SiteSettings settings, Policies policies, SmtpServer smtp) {
        Map<String, String> values = values(settings);
        values.put(CORRECTIONS_POLICY, strip(policies.corrections()));
        values.put(ETHICS_POLICY, strip(policies.ethics()));
        values.put(CONTACT, strip(policies.contact()));
        values.put(MASTHEAD, strip(policies.masthead()));
        values.put(SMTP_HOST, strip(smtp.host()));
        values.put(SMTP_PORT, Integer.toString(smtp.port()));
        values.put(SMTP_SECURITY, smtp.security());
        values.put(SMTP_USERNAME, strip(smtp.username()));
        if (smtp.password() != null && !smtp.password().isEmpty()) values.put(SMTP_PASSWORD, smtp.password());
        values.put(SMTP_FROM_ADDRESS, strip(smtp.fromAddress()));
        values.put(SMTP_FROM_NAME, strip(smtp.fromName()));
        return values;
    }

    private static void check(CommentSettings c, InvalidInput.Problems problems) {
        problems.when(c.threadDepth() < 1 || c.threadDepth() > CommentSettings.MAX_DEPTH, COMMENT + "thread_depth",
                        "Nest replies from 1 (no replies) to " + CommentSettings.MAX_DEPTH + " levels deep.")
                .when(c.perPage() < 5 || c.perPage() > 500, COMMENT + "per_page", "Show from 5 to 500 comments a page.")
                .when(c.linkLimit() < 0 || c.linkLimit() > 50, COMMENT + "link_limit", "Give a number of links from 0 to 50.")
                .when(length(c.moderationWords()) > 20_000, COMMENT + "moderation_words", "Keep the list under 20,000 characters.")
                .when(length(c.disallowedWords()) > 20_000, COMMENT + "disallowed_words", "Keep the list under 20,000 characters.")
                .when(c.keepAddressesDays() < 1 || c.keepAddressesDays() > 365, COMMENT + "keep_addresses_days",
                        "Keep addresses from 1 to 365 days.")
                .when(c.minimumFillSeconds() < 0 || c.minimumFillSeconds() > 60, COMMENT + "minimum_fill_seconds",
                        "Give a number of seconds from 0 (no timer) to 60.")
                .when(c.emptySpamAfterDays() < 1 || c.emptySpamAfterDays() > 365, COMMENT + "empty_spam_after_days",
                        "Keep spam from 1 to 365 days.");
    }

    private static Map<String, String> values(CommentSettings c) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(COMMENT + "thread_depth", Integer.toString(c.threadDepth()));
        values.put(COMMENT + "per_page", Integer.toString(c.perPage()));
        values.put(COMMENT + "newest_first", Boolean.toString(c.newestFirst()));
        values.put(COMMENT + "hold_all", Boolean.toString(c.holdAll()));
        values.put(COMMENT + "trust_previously_approved", Boolean.toString(c.trustPreviouslyApproved()));
        values.put(COMMENT + "link_limit", Integer.toString(c.linkLimit()));
        values.put(COMMENT + "moderation_words", strip(c.moderationWords()));
        values.put(COMMENT + "disallowed_words", strip(c.disallowedWords()));
        values.put(COMMENT + "notify_authors", Boolean.toString(c.notifyAuthors()));
        values.put(COMMENT + "notify_moderators", Boolean.toString(c.notifyModerators()));
        values.put(COMMENT + "keep_addresses_days", Integer.toString(c.keepAddressesDays()));
        values.put(COMMENT + "minimum_fill_seconds", Integer.toString(c.minimumFillSeconds()));
        values.put(COMMENT + "empty_spam_after_days", Integer.toString(c.emptySpamAfterDays()));
        return values;
    }

    private static boolean boolOr(String value, boolean fallback) {
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    /**
     * The secret that lets a person set up a new site from another machine, created once and kept in the
     * database so that every node knows it; it is printed in the server's log, never on a page.
     */
    public String setupToken() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String token = repository.putIfAbsent(SETUP_TOKEN, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        snapshot = null;
        return token;
    }

    /** Once the site is set up, the set-up secret has no use left. */
    public void forgetSetupToken() {
        repository.remove(SETUP_TOKEN);
        snapshot = null;
    }

    private static void check(SiteSettings s, InvalidInput.Problems problems) {
        problems.when(isBlank(s.title()), TITLE, "Give the site a title.")
                .when(s.title() != null && s.title().length() > 120, TITLE, "Keep the title under 120 characters.")
                .when(s.description() != null && s.description().length() > 300, DESCRIPTION,
                        "Keep the description under 300 characters.")
                .when(s.timezone() == null, TIMEZONE, "Choose a timezone.")
                .when(isBlank(s.dateFormat()), DATE_FORMAT, "Choose a date format.")
                .when(s.dateFormat() != null && s.dateFormat().length() > 60, DATE_FORMAT, "Keep the format short.")
                .when(isBlank(s.timeFormat()), TIME_FORMAT, "Choose a time format.")
                .when(s.timeFormat() != null && s.timeFormat().length() > 60, TIME_FORMAT, "Keep the format short.")
                .when(!isLanguageTag(s.language()), LANGUAGE, "Use a language tag such as en or en-GB.")
                .when(s.articlesPerPage() < 1 || s.articlesPerPage() > 100, ARTICLES_PER_PAGE,
                        "Show between 1 and 100 articles per page.")
                .when(s.closeCommentsAfterDays() < 0 || s.closeCommentsAfterDays() > 3650, CLOSE_COMMENTS_AFTER,
                        "Give a number of days from 0 (never close) to 3650.")
                .when(s.uploadLimitMegabytes() < 1 || s.uploadLimitMegabytes() > 200, UPLOAD_LIMIT,
                        "Allow uploads from 1 to 200 MB.");
    }

    private static void check(Policies p, InvalidInput.Problems problems) {
        problems.when(length(p.corrections()) > MAX_POLICY, CORRECTIONS_POLICY, "Keep the policy under 100,000 characters.")
                .when(length(p.ethics()) > MAX_POLICY, ETHICS_POLICY, "Keep the policy under 100,000 characters.")
                .when(length(p.contact()) > MAX_POLICY, CONTACT, "Keep the page under 100,000 characters.")
                .when(length(p.masthead()) > MAX_POLICY, MASTHEAD, "Keep the page under 100,000 characters.");
    }

    private static void check(SmtpServer smtp, InvalidInput.Problems problems) {
        String host = strip(smtp.host());
        String from = strip(smtp.fromAddress());
        problems.when(!host.isEmpty() && !HOST.matcher(host).matches(), SMTP_HOST,
                        "Give the server's host name, such as smtp.example.org.")
                .when(smtp.port() < 1 || smtp.port() > 65535, SMTP_PORT, "Give a port from 1 to 65535 (usually 587 or 465).")
                .when(!Set.of("none", "starttls", "tls").contains(smtp.security()), SMTP_SECURITY,
                        "Choose how to secure the connection.")
                .when(!host.isEmpty() && from.isEmpty(), SMTP_FROM_ADDRESS, "Give the address mail comes from.")
                .when(!from.isEmpty() && !EMAIL.matcher(from).matches(), SMTP_FROM_ADDRESS,
                        "Give an address such as newsroom@example.org.");
    }

    private static Map<String, String> values(SiteSettings settings) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(TITLE, settings.title().strip());
        values.put(DESCRIPTION, strip(settings.description()));
        values.put(TIMEZONE, settings.timezone().getId());
        values.put(DATE_FORMAT, settings.dateFormat());
        values.put(TIME_FORMAT, settings.timeFormat());
        values.put(LANGUAGE, settings.language());
        values.put(ARTICLES_PER_PAGE, Integer.toString(settings.articlesPerPage()));
        values.put(COMMENTS_OPEN, Boolean.toString(settings.commentsOpenByDefault()));
        values.put(CLOSE_COMMENTS_AFTER, Integer.toString(settings.closeCommentsAfterDays()));
        values.put(UPLOAD_LIMIT, Integer.toString(settings.uploadLimitMegabytes()));
        return values;
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

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
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
