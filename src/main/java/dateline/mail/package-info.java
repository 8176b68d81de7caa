/**
 * E-mail from the site (password-reset links, comment notifications) through a durable outbox, so that
 * sending never slows down or fails the request that causes it.
 *
 * <p>Glossary: the <em>outbox</em> is the table of messages waiting to be sent, sent, or given up; it holds
 * personal data, so finished messages are purged after a while. <em>Delivery</em> is handing a message to
 * the site's SMTP <em>relay</em>; each failed try is an <em>attempt</em>, and the next one waits longer. A
 * <em>claim</em> is one node's lease on a message while it delivers it, recorded in the database so that no
 * two nodes ever send the same message. A message is <em>given up</em> after six failed attempts and kept,
 * with its last error, until it is purged.
 */
package dateline.mail;
