package dateline.webhooks;

import dateline.articles.ArticleEvent;
import dateline.articles.ArticleListener;
import dateline.articles.ArticleService;
import dateline.comments.CommentEvent;
import dateline.comments.CommentListener;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Turns changes to articles and comments into webhook deliveries, written inside the transaction of the
 * change: nothing is announced that was rolled back, and nothing is lost if the process stops right after
 * the commit. Which changes count: an article going out is {@code article.published}; any change readers
 * can see of a public article (a minor edit, a significant update, a correction, a new address, a
 * retraction) is {@code article.updated}; a comment becoming visible by any path is {@code comment.approved}.
 * Drafts, pins to the front page, and comments that wait or are caught as spam announce nothing.
 */
public final class WebhookAnnouncer implements ArticleListener, CommentListener {
    private final WebhookService webhooks;
    private final ArticleService articles;
    private final Payloads payloads;

    public WebhookAnnouncer(WebhookService webhooks, ArticleService articles, String baseUrl) {
        this.webhooks = webhooks;
        this.articles = articles;
        this.payloads = new Payloads(baseUrl);
    }

    @Override
    public void changing(Handle h, ArticleEvent change) {
        WebhookEvent event = switch (change.kind()) {
            case PUBLISHED -> WebhookEvent.ARTICLE_PUBLISHED;
            case UPDATED, RETRACTED -> WebhookEvent.ARTICLE_UPDATED;
            case WRITTEN, PINNED -> null;
        };
        if (event == null || !webhooks.anyoneWants(h, event)) return;
        webhooks.announce(h, event, payloads.article(change.article(), change.note()));
    }

    @Override
    public void changing(Handle h, CommentEvent change) {
        changing(h, List.of(change));
    }

    /** Looks up who wants approved comments once for comments stored together (an imported thread). */
    @Override
    public void changing(Handle h, List<CommentEvent> changes) {
        if (changes.stream().noneMatch(c -> c.kind() == CommentEvent.Kind.APPROVED)
                || !webhooks.anyoneWants(h, WebhookEvent.COMMENT_APPROVED)) return;
        for (CommentEvent change : changes) {
            if (change.kind() != CommentEvent.Kind.APPROVED) continue;
            // the article is not changed by this transaction, so reading it on a connection of its own sees it as it is
            articles.full(change.comment().articleId()).ifPresent(article -> webhooks.announce(h,
                    WebhookEvent.COMMENT_APPROVED, payloads.comment(change.comment(), article)));
        }
    }
}
