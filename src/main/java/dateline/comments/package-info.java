/**
 * Comments: readers' comments under articles, as threads, with the comment form, their feeds, and their
 * moderation by the newsroom with an append-only record of every decision.
 *
 * <p>Glossary: a <em>comment</em> answers an article; a <em>reply</em> answers a comment; a comment is
 * <em>pending</em> while it waits for a moderator, <em>approved</em> when readers see it, <em>spam</em> or in
 * the <em>trash</em> otherwise. A <em>staff reply</em> comes from the newsroom. The <em>flood limit</em> is one
 * comment every fifteen seconds from an address. The <em>form token</em> is the signed moment a comment form's
 * page was made; the <em>honeypot</em> is the form's field that people never see. <em>Screening</em> is the
 * second opinion of a feature above (the spam classifier) on each new comment.
 */
package dateline.comments;
