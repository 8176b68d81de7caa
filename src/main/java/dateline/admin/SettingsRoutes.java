package dateline.admin;

import dateline.accounts.Permission;
import dateline.site.CommentSettings;
import dateline.site.DateFormat;
import dateline.site.DiscoverySettings;
import dateline.site.Policies;
import dateline.site.SiteService;
import dateline.site.SiteSettings;
import dateline.site.SmtpServer;
import dateline.site.Timezones;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings screen: the site, its dates and lists, comments, uploads, feeds and the publisher's logo,
 * policies and mail server.
 */
public final class SettingsRoutes {
    private static final List<String> DATE_FORMATS = List.of("F j, Y", "j F Y", "Y-m-d", "m/d/Y", "d/m/Y", "l, F j, Y");
    private static final List<String> TIME_FORMATS = List.of("g:i a", "g:i A", "H:i");

    private final SiteService site;
    private final Newsroom newsroom;
    private final Clock clock;

    public SettingsRoutes(SiteService site, Newsroom newsroom, Clock clock) {
        this.site = site;
        this.newsroom = newsroom;
        this.clock = clock;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/admin/settings", Permission.MANAGE_SETTINGS, this::form),
                AdminRoute.post("/admin/settings", Permission.MANAGE_SETTINGS, this::save));
    }

    private void form(Context ctx) {
        SiteSettings s = site.settings();
        Policies p = site.policies();
        SmtpServer m = site.smtp();
        CommentSettings c = site.comments();
        DiscoverySettings d = site.discovery();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("feed_content", d.feedContent().code());
        values.put("feed_length", Integer.toString(d.feedLength()));
        values.put("publisher_logo_url", d.logoUrl());
        values.put("policy_masthead", p.masthead());
        values.put("comments_thread_depth", Integer.toString(c.threadDepth()));
        values.put("comments_per_page", Integer.toString(c.perPage()));
        values.put("comments_newest_first", c.newestFirst() ? "newest" : "oldest");
        values.put("comments_hold_all", c.holdAll() ? "on" : "");
        values.put("comments_trust_previously_approved", c.trustPreviouslyApproved() ? "on" : "");
        values.put("comments_link_limit", Integer.toString(c.linkLimit()));
        values.put("comments_moderation_words", c.moderationWords());
        values.put("comments_disallowed_words", c.disallowedWords());
        values.put("comments_notify_authors", c.notifyAuthors() ? "on" : "");
        values.put("comments_notify_moderators", c.notifyModerators() ? "on" : "");
        values.put("comments_keep_addresses_days", Integer.toString(c.keepAddressesDays()));
        values.put("comments_minimum_fill_seconds", Integer.toString(c.minimumFillSeconds()));
        values.put("comments_empty_spam_after_days", Integer.toString(c.emptySpamAfterDays()));
        values.put("title", s.title());
        values.put("description", s.description());
        values.put("timezone", s.timezone().getId());
        values.put("date_format", s.dateFormat());
        values.put("time_format", s.timeFormat());
        values.put("language", s.language());
        values.put("articles_per_page", Integer.toString(s.articlesPerPage()));
        values.put("comments_open_by_default", s.commentsOpenByDefault() ? "on" : "");
        values.put("close_comments_after_days", Integer.toString(s.closeCommentsAfterDays()));
        values.put("upload_limit_megabytes", Integer.toString(s.uploadLimitMegabytes()));
        values.put("policy_corrections", p.corrections());
        values.put("policy_ethics", p.ethics());
        values.put("policy_contact", p.contact());
        values.put("smtp_host", m.host());
        values.put("smtp_port", Integer.toString(m.port()));
        values.put("smtp_security", m.security());
        values.put("smtp_username", m.username());
        values.put("smtp_from_address", m.fromAddress());
        values.put("smtp_from_name", m.fromName());
        render(ctx, HttpStatus.OK, values, Map.of(), "saved".equals(ctx.queryParam("done")) ? "Settings saved." : null);
    }

    private void save(Context ctx) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("title", "description", "timezone", "date_format", "date_format_custom",
                "time_format", "time_format_custom", "language", "articles_per_page", "comments_open_by_default",
                "close_comments_after_days", "upload_limit_megabytes", "policy_corrections", "policy_ethics",
                "policy_contact", "smtp_host", "smtp_port", "smtp_security", "smtp_username", "smtp_from_address",
                "smtp_from_name", "comments_thread_depth", "comments_per_page", "comments_newest_first",
                "comments_hold_all", "comments_trust_previously_approved", "comments_link_limit",
                "comments_moderation_words", "comments_disallowed_words", "comments_notify_authors",
                "comments_notify_moderators", "comments_keep_addresses_days",
                "comments_minimum_fill_seconds", "comments_empty_spam_after_days", "feed_content", "feed_length",
                "publisher_logo_url", "policy_masthead")) {
            String value = ctx.formParam(field);
            values.put(field, value == null ? "" : value);
        }
        if (values.get("date_format").equals("custom")) values.put("date_format", values.get("date_format_custom"));
        if (values.get("time_format").equals("custom")) values.put("time_format", values.get("time_format_custom"));
        Map<String, String> problems = new LinkedHashMap<>();
        Integer perPage = number(values, "articles_per_page", problems);
        Integer closeAfter = number(values, "close_comments_after_days", problems);
        Integer uploadLimit = number(values, "upload_limit_megabytes", problems);
        Integer port = number(values, "smtp_port", problems);
        CommentSettings comments = new CommentSettings(number(values, "comments_thread_depth", problems),
                number(values, "comments_per_page", problems), values.get("comments_newest_first").equals("newest"),
                !values.get("comments_hold_all").isEmpty(), !values.get("comments_trust_previously_approved").isEmpty(),
                number(values, "comments_link_limit", problems), values.get("comments_moderation_words"),
                values.get("comments_disallowed_words"), !values.get("comments_notify_authors").isEmpty(),
                !values.get("comments_notify_moderators").isEmpty(), number(values, "comments_keep_addresses_days", problems),
                number(values, "comments_minimum_fill_seconds", problems),
                number(values, "comments_empty_spam_after_days", problems));
        var zone = Timezones.chosen(values.get("timezone"));
        if (zone == null) problems.put("timezone", "Choose a timezone.");
        SiteSettings settings = new SiteSettings(values.get("title"), values.get("description"),
                zone == null ? site.settings().timezone() : zone, values.get("date_format"), values.get("time_format"),
                values.get("language").strip(), perPage, !values.get("comments_open_by_default").isEmpty(), closeAfter,
                uploadLimit);
        Policies policies = new Policies(values.get("policy_corrections"), values.get("policy_ethics"),
                values.get("policy_contact"), values.get("policy_masthead"));
        DiscoverySettings discovery = new DiscoverySettings(
                DiscoverySettings.FeedContent.ofCode(values.get("feed_content")).orElse(null),
                number(values, "feed_length", problems), values.get("publisher_logo_url"));
        SmtpServer smtp = new SmtpServer(values.get("smtp_host"), port, values.get("smtp_security"),
                values.get("smtp_username"), ctx.formParam("smtp_password"), values.get("smtp_from_address"),
                values.get("smtp_from_name"));
        // every problem at once: the numbers that could not be read, and what the site finds wrong
        site.problemsWith(settings, policies, smtp, comments).forEach(problems::putIfAbsent);
        site.problemsWith(discovery).forEach(problems::putIfAbsent);
        if (problems.isEmpty()) {
            site.saveAll(settings, policies, smtp, comments, discovery);
            ctx.redirect("/admin/settings?done=saved", HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, values, problems, null);
    }

    private void render(Context ctx, HttpStatus status, Map<String, String> values, Map<String, String> problems,
                        String notice) {
        SiteSettings settings = site.settings();
        ZonedDateTime now = clock.instant().atZone(settings.timezone());
        List<SettingsPage.FormatChoice> dates = DATE_FORMATS.stream()
                .map(f -> new SettingsPage.FormatChoice(f, new DateFormat(f).format(now, settings.locale()))).toList();
        List<SettingsPage.FormatChoice> times = TIME_FORMATS.stream()
                .map(f -> new SettingsPage.FormatChoice(f, new DateFormat(f).format(now, settings.locale()))).toList();
        SmtpServer smtp = site.smtp();
        String mailStatus = smtp.isConfigured()
                ? "The site sends mail through " + smtp.host() + "." : "No mail server is set: the site cannot send mail.";
        newsroom.render(ctx, status, "admin/settings.jte", new SettingsPage(newsroom.frame(ctx), values, problems, notice,
                Timezones.choices(), dates, times, !smtp.password().isEmpty(), mailStatus));
    }

    /** The field as a whole number; when it is not one, a problem at the field and a value that passes. */
    private static Integer number(Map<String, String> values, String field, Map<String, String> problems) {
        try {
            return Integer.valueOf(values.get(field).strip());
        } catch (NumberFormatException e) {
            problems.put(field, "Give a whole number.");
            return field.equals("smtp_port") ? 587 : field.equals("comments_per_page") ? 50 : 1;
        }
    }
}
