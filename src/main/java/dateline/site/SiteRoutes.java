package dateline.site;

import dateline.markup.Markdown;
import dateline.web.FrameSource;
import dateline.web.Head;
import dateline.web.HttpCaching;
import dateline.web.RouteGroup;
import dateline.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.List;

/** The publisher's policy pages: corrections, ethics and contact, each shown once it is written. */
public final class SiteRoutes implements RouteGroup {
    private final SiteService site;
    private final FrameSource frames;
    private final Templates templates;
    private final Markdown markdown;
    private final String baseUrl;

    public SiteRoutes(SiteService site, FrameSource frames, Templates templates, Markdown markdown, String baseUrl) {
        this.site = site;
        this.frames = frames;
        this.templates = templates;
        this.markdown = markdown;
        this.baseUrl = baseUrl;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        for (Policy policy : Policy.values()) RouteGroup.readable(routes, policy.path(), ctx -> show(ctx, policy));
    }

    private void show(Context ctx, Policy policy) {
        String text = policy.textIn(site.policies());
        if (text.isBlank()) throw new NotFoundResponse();
        String siteTitle = site.settings().title();
        Head head = new Head(policy.title() + " – " + siteTitle, "", baseUrl + policy.path(), null, List.of(), null);
        PolicyPage page = new PolicyPage(frames.frameAt(policy.path()), head, policy.title(), markdown.toSafeHtml(text));
        HttpCaching.sendHtml(ctx, templates.bytes("site/policy.jte", page), null);
    }
}
