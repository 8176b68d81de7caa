package dateline.comments;

import dateline.storage.KeysetOrder;
import dateline.storage.Repository;
import dateline.web.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

final class CommentRepository extends Repository {
    private static final KeysetOrder QUEUE = new KeysetOrder("c.created_at", "c.id");
    /** The columns of a comment its article's page shows (the email address only to choose its avatar's colour). */
    private static final String SHOWN = "c.id, c.article_id, c.parent_id, c.depth, c.status, c.author_name, "
            + "c.author_email, c.author_website, c.staff_account_id, c.body_html, c.created_at";
    /** Every column of a comment: {@link #SHOWN}, then what only the newsroom sees. */
    private static final String COLUMNS = SHOWN + ", c.body, c.status_changed_at, c.client_address, c.user_agent, "
            + "c.spam_score, c.spam_reasons";

    /**
     * Reads {@link #COLUMNS} by position: an article's page maps hundreds of rows, and a lookup by name costs
     * each of the seventeen columns of each row a search of the driver's names (and the pool's proxy a call).
     */
    private static final RowMapper<Comment> COMMENT = (rs, ctx) -> comment(rs, true);

    /**
     * Reads {@link #SHOWN} by position into a comment without what the page never shows: its source text, the
     * time its status changed, the network address, the browser and the spam judgement are null (none). Each
     * text column read is a call into the driver's native code and a decoding of its UTF-8; the source text
     * alone is as long as the HTML shown.
     */
    private static final RowMapper<Comment> SHOWN_COMMENT = (rs, ctx) -> comment(rs, false);

    private static Comment comment(ResultSet rs, boolean whole) throws SQLException {
        long parent = rs.getLong(3);
        Long parentId = rs.wasNull() ? null : parent;
        long staff = rs.getLong(9);
        Long staffAccountId = rs.wasNull() ? null : staff;
        Double spamScore = null;
        if (whole) {
            double score = rs.getDouble(16);
            spamScore = rs.wasNull() ? null : score;
        }
        return new Comment(
                rs.getLong(1),
                rs.getLong(2),
                parentId,
                rs.getInt(4),
                CommentStatus.named(rs.getString(5)).orElseThrow(),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                staffAccountId,
                whole ? rs.getString(12) : null,
                rs.getString(10),
                Instant.ofEpochMilli(rs.getLong(11)),
                whole ? Instant.ofEpochMilli(rs.getLong(13)) : null,
                whole ? rs.getString(14) : null,
                whole ? rs.getString(15) : null,
                spamScore,
                whole ? reasons(rs.getString(17)) : List.of());
    }

    CommentRepository(Jdbi jdbi) {
        super(jdbi);
    }

    /** How a comment was judged when it came in: the spam classifier's score (or null) and the reasons. */
    record Judgement(Double spamScore, List<String> reasons) {
        static final Judgement NONE = new Judgement(null, List.of());
    }

    long insert(Handle h, long articleId, Long parentId, int depth, CommentStatus status, String name, String email,
                String website, Long staffAccountId, String body, String bodyHtml, Instant at, String client,
                String userAgent, Judgement judgement) {
        return h.createUpdate("INSERT INTO comments (article_id, parent_id, depth, status, author_name, author_email, "
                        + "author_website, staff_account_id, body, body_html, created_at, status_changed_at, "
                        + "client_address, user_agent, spam_score, spam_reasons) VALUES (:article, :parent, :depth, "
                        + ":status, :name, :email, :website, :staff, :body, :html, :at, :at, :client, :agent, :score, "
                        + ":reasons)")
                .bind("article", articleId).bind("parent", parentId).bind("depth", depth).bind("status", status.code())
                .bind("name", name).bind("email", email).bind("website", website).bind("staff", staffAccountId)
                .bind("body", body).bind("html", bodyHtml).bind("at", at).bind("client", client)
                .bind("agent", userAgent).bind("score", judgement.spamScore())
                .bind("reasons", String.join("\n", judgement.reasons()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /**
     * Inserts a reader's comment and answers it as {@link #byId} would read it back (its times to the
     * millisecond, as stored), without reading it: on SQLite this runs on the database's one writer, where
     * every statement saved lets the next comment in sooner.
     */
    Comment insertReceived(Handle h, long articleId, Long parentId, int depth, CommentStatus status, String name,
                           String email, String website, String body, String bodyHtml, Instant at, String client,
                           String userAgent, Judgement judgement) {
        long id = insert(h, articleId, parentId, depth, status, name, email, website, null, body, bodyHtml, at, client,
                userAgent, judgement);
        Instant stored = Instant.ofEpochMilli(at.toEpochMilli());
        return new Comment(id, articleId, parentId, depth, status, name, email, website, null, body, bodyHtml, stored,
                stored, client, userAgent, judgement.spamScore(), reasons(String.join("\n", judgement.reasons())));
    }

    Optional<Comment> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM comments c WHERE c.id = :id").bind("id", id).map(COMMENT).findOne();
    }

    List<Comment> byIds(Handle h, Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return h.createQuery("SELECT " + COLUMNS + " FROM comments c WHERE c.id IN (<ids>) ORDER BY c.created_at, c.id")
                .bindList("ids", List.copyOf(ids)).map(COMMENT).list();
    }

    /**
     * The approved comments of an article, and those of the given ids still waiting (or caught as spam, which
     * their author is shown as waiting), oldest first.
     */
    List<Comment> visibleOn(Handle h, long articleId, Collection<Long> ownPending) {
        return visible(h, COLUMNS, articleId, ownPending).map(COMMENT).list();
    }

    /** {@link #visibleOn}, each comment with only what its article's page shows of it ({@link #SHOWN_COMMENT}). */
    List<Comment> shownOn(Handle h, long articleId, Collection<Long> ownPending) {
        return visible(h, SHOWN, articleId, ownPending).map(SHOWN_COMMENT).list();
    }

    /** {@link #visibleOn}, each comment only as its place in the thread. */
    List<CommentThread.Place> placesOn(Handle h, long articleId, Collection<Long> ownPending) {
        return visible(h, "c.id, c.parent_id, c.created_at", articleId, ownPending)
                .map((rs, ctx) -> new CommentThread.Place(rs.getLong("id"), nullableLong(rs.getObject("parent_id"))))
                .list();
    }

    /**
     * The two parts apart, joined after: one condition with OR makes SQLite (without statistics) read every
     * comment of the article through the index, pending and spam ones too, however many there are.
     */
    private static Query visible(Handle h, String columns, long articleId, Collection<Long> ownPending) {
        String own = ownPending.isEmpty() ? "" : " UNION ALL SELECT " + columns + " FROM comments c WHERE c.id IN (<own>) "
                + "AND c.article_id = :article AND c.status IN ('pending', 'spam')";
        Query q = h.createQuery("SELECT " + columns + " FROM comments c WHERE c.article_id = :article AND "
                        + "c.status = 'approved'" + own + " ORDER BY created_at, id")
                .bind("article", articleId);
        if (!ownPending.isEmpty()) q.bindList("own", List.copyOf(ownPending));
        return q;
    }

    /** Every comment of an article whatever its status, oldest first. */
    List<Comment> everyOn(Handle h, long articleId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM comments c WHERE c.article_id = :article ORDER BY c.created_at, c.id")
                .bind("article", articleId).map(COMMENT).list();
    }

    long countApproved(Handle h, long articleId) {
        return h.createQuery("SELECT COUNT(*) FROM comments WHERE article_id = :article AND status = 'approved'")
                .bind("article", articleId).mapTo(Long.class).one();
    }

    /** Whether the address has a comment approved: the first one found answers, however many a regular has. */
    /**
     * What the database knows of a new comment before it is stored: whether its address already sent the same
     * text on the article since a time, whether its form's token (hashed) was already used with its address
     * (hashed), and whether the address has a comment approved anywhere.
     */
    record Prior(boolean sameText, boolean formUsed, boolean approvedBefore) {}

    /**
     * {@link Prior} in one statement: each of its three questions alone cost a statement a comment, and a
     * statement's own work (Jdbi's and the driver's) weighed more than the indexed look-up in it.
     */
    Prior priorOf(Handle h, long articleId, String email, String body, Instant since, String tokenHash,
                  String emailHash) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM comments WHERE article_id = :article AND author_email = :email "
                        + "AND body = :body AND created_at >= :since), "
                        + "EXISTS (SELECT 1 FROM comment_form_uses WHERE token_hash = :token AND email_hash = :emailHash), "
                        + "EXISTS (SELECT 1 FROM comments WHERE author_email = :email AND status = 'approved')")
                .bind("article", articleId).bind("email", email).bind("body", body).bind("since", since)
                .bind("token", tokenHash).bind("emailHash", emailHash)
                .map((rs, ctx) -> new Prior(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3))).one();
    }

    void setStatus(Handle h, long id, CommentStatus status, Instant at) {
        h.createUpdate("UPDATE comments SET status = :status, status_changed_at = :at WHERE id = :id")
                .bind("id", id).bind("status", status.code()).bind("at", at).execute();
    }

    void setBody(Handle h, long id, String body, String html) {
        h.createUpdate("UPDATE comments SET body = :body, body_html = :html WHERE id = :id")
                .bind("id", id).bind("body", body).bind("html", html).execute();
    }

    void log(Handle h, long commentId, String action, String reason, Long accountId, Instant at) {
        h.createUpdate("INSERT INTO moderation_log (comment_id, action, reason, account_id, happened_at) "
                        + "VALUES (:comment, :action, :reason, :account, :at)")
                .bind("comment", commentId).bind("action", action).bind("reason", reason == null ? "" : reason)
                .bind("account", accountId).bind("at", at).execute();
    }

    /** Entries of the moderation log written together: for comments stored many at a time. */
    static final class LogBatch {
        private final org.jdbi.v3.core.statement.PreparedBatch batch;
        private int size;

        private LogBatch(Handle h) {
            this.batch = h.prepareBatch("INSERT INTO moderation_log (comment_id, action, reason, account_id, happened_at) "
                    + "VALUES (:comment, :action, '', NULL, :at)");
        }

        void add(long commentId, String action, Instant at) {
            batch.bind("comment", commentId).bind("action", action).bind("at", at).add();
            size++;
        }

        void execute() {
            if (size > 0) batch.execute();
        }
    }

    LogBatch logBatch(Handle h) {
        return new LogBatch(h);
    }

    List<ModerationEntry> logOf(Handle h, long commentId) {
        return h.createQuery("SELECT l.action, l.reason, l.happened_at, a.name FROM moderation_log l "
                        + "LEFT JOIN accounts a ON a.id = l.account_id WHERE l.comment_id = :id ORDER BY l.id")
                .bind("id", commentId)
                .map((rs, ctx) -> new ModerationEntry(rs.getString("action"), rs.getString("reason"),
                        rs.getString("name"), Instant.ofEpochMilli(rs.getLong("happened_at"))))
                .list();
    }

    /**
     * The moderation queue of one status, newest first, narrowed by a search in names, addresses and text. The
     * cursor is a range of {@code comments_by_status}.
     */
    List<Comment> queue(Handle h, CommentStatus status, String search, Cursor before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM comments c WHERE c.status = :status");
        if (search != null) {
            sql.append(" AND (LOWER(c.author_name) LIKE :q ESCAPE '!' OR LOWER(c.author_email) LIKE :q ESCAPE '!' "
                    + "OR LOWER(c.body) LIKE :q ESCAPE '!' OR c.client_address LIKE :q ESCAPE '!')");
        }
        if (before != null) sql.append(" AND ").append(QUEUE.past(true));
        sql.append(QUEUE.orderBy(true)).append(" LIMIT :limit");
        Query q = h.createQuery(sql.toString()).bind("status", status.code()).bind("limit", limit);
        if (search != null) {
            String escaped = search.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
            q.bind("q", "%" + escaped + "%");
        }
        if (before != null) q.bind("at", before.at()).bind("id", before.id());
        return q.map(COMMENT).list();
    }

    Map<CommentStatus, Long> countByStatus(Handle h) {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus s : CommentStatus.values()) counts.put(s, 0L);
        h.createQuery("SELECT status, COUNT(*) AS n FROM comments GROUP BY status")
                .map((rs, ctx) -> Map.entry(CommentStatus.named(rs.getString("status")).orElseThrow(), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    List<Comment> byEmail(Handle h, String email) {
        return h.createQuery("SELECT " + COLUMNS + " FROM comments c WHERE c.author_email = :email ORDER BY c.created_at, c.id")
                .bind("email", email).map(COMMENT).list();
    }

    int anonymise(Handle h, String email, boolean removeText, String removedHtml, Instant at) {
        return h.createUpdate("UPDATE comments SET author_name = 'Anonymous', author_email = '', author_website = '', "
                        + "client_address = NULL, user_agent = NULL"
                        + (removeText ? ", body = '', body_html = :removed" : "")
                        + ", status_changed_at = :at WHERE author_email = :email")
                .bind("email", email).bind("at", at)
                .bindMap(removeText ? Map.of("removed", removedHtml) : Map.of())
                .execute();
    }

    /**
     * Forgets the network address and browser of at most {@code limit} comments written before {@code before},
     * oldest first; answers how many. The rows are found through the partial index of the comments that still
     * hold them (V16), whose condition the query repeats word for word so that both databases use it.
     */
    int forgetAddresses(Handle h, Instant before, int limit) {
        return h.createUpdate("UPDATE comments SET client_address = NULL, user_agent = NULL WHERE id IN ("
                        + "SELECT id FROM comments WHERE (client_address IS NOT NULL OR user_agent IS NOT NULL) "
                        + "AND created_at < :before ORDER BY created_at, id LIMIT :limit)")
                .bind("before", before).bind("limit", limit).execute();
    }

    /** True when a form token was already used with this email address (both as keyed hashes). */
    /** Records a use of a form token with an email address; false when it was already recorded. */
    boolean recordFormUse(Handle h, String tokenHash, String emailHash, Instant at) {
        return h.createUpdate("INSERT INTO comment_form_uses (token_hash, email_hash, used_at) "
                        + "VALUES (:token, :email, :at) ON CONFLICT (token_hash, email_hash) DO NOTHING")
                .bind("token", tokenHash).bind("email", emailHash).bind("at", at).execute() == 1;
    }

    int forgetFormUses(Handle h, Instant before) {
        return h.createUpdate("DELETE FROM comment_form_uses WHERE used_at < :before").bind("before", before).execute();
    }

    /** Deletes the comments in the spam folder since before a time, except any that a reply still answers. */
    int deleteSpam(Handle h, Instant before) {
        return h.createUpdate("DELETE FROM comments WHERE status = 'spam' AND status_changed_at < :before "
                        + "AND NOT EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = comments.id)")
                .bind("before", before).execute();
    }

    /** The newest approved comments, of one article or of every public article. */
    List<Comment> latestApproved(Handle h, Long articleId, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM comments c JOIN articles a ON a.id = c.article_id "
                        + "WHERE c.status = 'approved' AND a.status IN ('published', 'retracted')"
                        + (articleId == null ? "" : " AND c.article_id = :article")
                        + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit")
                .bindMap(articleId == null ? Map.of() : Map.of("article", articleId))
                .bind("limit", limit).map(COMMENT).list();
    }

    private static List<String> reasons(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split("\n"));
    }

    private static Long nullableLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
