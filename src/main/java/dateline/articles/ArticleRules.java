package dateline.articles;

import dateline.accounts.Account;
import dateline.accounts.Permission;
import java.util.Collection;

/**
 * Who may do what to an article, with WordPress's meanings: contributors write their own drafts and
 * submit them; authors publish their own; editors and administrators handle every article.
 */
public final class ArticleRules {
    private ArticleRules() {}

    static boolean isOwn(Account who, Collection<Long> authorIds) {
        return authorIds.contains(who.id());
    }

    /** May see and open the article in the newsroom. */
    public static boolean canSee(Account who, Collection<Long> authorIds) {
        return who.role().can(Permission.EDIT_OTHERS_ARTICLES)
                || (who.role().can(Permission.WRITE_ARTICLES) && isOwn(who, authorIds));
    }

    /** May change the article's text. A contributor's own article only until it is out. */
    public static boolean canEdit(Account who, ArticleStatus status, Collection<Long> authorIds) {
        if (who.role().can(Permission.EDIT_OTHERS_ARTICLES)) return true;
        if (!who.role().can(Permission.WRITE_ARTICLES) || !isOwn(who, authorIds)) return false;
        return who.role().can(Permission.PUBLISH_OWN_ARTICLES) || status.isUnpublished();
    }

    /** May publish or schedule it, and correct or update it in public. */
    public static boolean canPublish(Account who, Collection<Long> authorIds) {
        return who.role().can(Permission.PUBLISH_OTHERS_ARTICLES)
                || (who.role().can(Permission.PUBLISH_OWN_ARTICLES) && isOwn(who, authorIds));
    }

    public static boolean canRetract(Account who) {
        return who.role().can(Permission.RETRACT_ARTICLES);
    }

    /**
     * May pin an article to the front page or take it off: the front page is the whole newsroom's, so only
     * editors choose what stays at its top, not the authors of the articles.
     */
    public static boolean canPin(Account who) {
        return who.role().can(Permission.PIN_ARTICLES);
    }

    /** May credit other people than themselves on a byline. */
    public static boolean canCreditOthers(Account who) {
        return who.role().can(Permission.EDIT_OTHERS_ARTICLES);
    }
}
