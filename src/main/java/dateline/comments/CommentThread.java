package dateline.comments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of an article's comments as a thread: top-level comments in the site's order, each with its
 * replies beneath it, oldest reply first. Pages count top-level comments, so a conversation is never
 * split across pages.
 */
public record CommentThread(List<Node> comments, int page, int pages, long approvedCount) {

    /** A comment with the replies to it. */
    public record Node(Comment comment, List<Node> replies) {}

    public static CommentThread of(List<Comment> visibleOldestFirst, boolean newestFirst, int perPage, int page) {
        Map<Long, Node> nodes = new LinkedHashMap<>();
        List<Node> top = new ArrayList<>();
        long approved = 0;
        for (Comment c : visibleOldestFirst) {
            if (c.status() == CommentStatus.APPROVED) approved++;
            Node node = new Node(c, new ArrayList<>());
            nodes.put(c.id(), node);
            Node parent = c.parentId() == null ? null : nodes.get(c.parentId());
            if (parent != null) {
                parent.replies().add(node);
            } else {
                top.add(node);
            }
        }
        if (newestFirst) Collections.reverse(top);
        int pages = Math.max(1, (top.size() + perPage - 1) / perPage);
        int shown = Math.max(1, Math.min(page, pages));
        List<Node> slice = top.subList(Math.min(top.size(), (shown - 1) * perPage), Math.min(top.size(), shown * perPage));
        return new CommentThread(List.copyOf(slice), shown, pages, approved);
    }

    /**
     * Where a comment sits in its thread, without its text: all that finding its page needs, so that a long
     * thread is not read whole to send a reader to the comment they have just posted.
     */
    public record Place(long id, Long parentId) {}

    /** The page on which a comment appears, or 1 when it is not in the thread. */
    public static int pageOf(long commentId, List<Comment> visibleOldestFirst, boolean newestFirst, int perPage) {
        return pageAmong(commentId, visibleOldestFirst.stream().map(c -> new Place(c.id(), c.parentId())).toList(),
                newestFirst, perPage);
    }

    /** {@link #pageOf} over the places of the visible comments, oldest first. */
    public static int pageAmong(long commentId, List<Place> visibleOldestFirst, boolean newestFirst, int perPage) {
        Map<Long, Long> topOf = new LinkedHashMap<>();
        List<Long> top = new ArrayList<>();
        for (Place c : visibleOldestFirst) {
            Long root = c.parentId() == null ? null : topOf.get(c.parentId());
            topOf.put(c.id(), root == null ? c.id() : root);
            if (root == null) top.add(c.id());
        }
        if (newestFirst) Collections.reverse(top);
        int index = top.indexOf(topOf.getOrDefault(commentId, -1L));
        return index < 0 ? 1 : index / perPage + 1;
    }
}
