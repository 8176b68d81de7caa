/**
 * Moderation's own intelligence: the spam classifier that learns from the newsroom's decisions, and the
 * benchmark that measures it. It screens new comments for the comments feature through
 * {@link dateline.comments.CommentScreening}.
 *
 * <p>Glossary: a <em>feature</em> is one thing the classifier notices in a comment (a word, a site it links
 * to, a phone number); an <em>example</em> is a comment whose class a moderator decided (approved: wanted;
 * marked as spam: spam); the <em>score</em> is the probability the classifier gives that a comment is spam;
 * the <em>built-in examples</em> are those every site starts from; the <em>weights</em> are the model, one
 * number a feature, stored in the database and the lately used ones <em>held</em> in each process's memory
 * until they change.
 */
package dateline.moderation;
