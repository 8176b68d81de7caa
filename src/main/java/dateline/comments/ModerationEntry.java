package dateline.comments;

import java.time.Instant;

/** One line of the moderation record: what was decided about a comment, why, by whom (null: the site's rules) and when. */
public record ModerationEntry(String action, String reason, String by, Instant at) {}
