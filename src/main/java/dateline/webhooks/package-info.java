/**
 * Webhooks: other systems told by a signed HTTP POST when an article is published or updated and when a
 * comment is approved. Composes features: it listens to articles and comments and is configured in the
 * newsroom.
 *
 * <p>Glossary: a <em>webhook</em> is a receiver's address with the events it wants and its own
 * <em>secret</em>, the key both ends sign with. An <em>event</em> is named like {@code article.published};
 * {@code ping} is the test an administrator sends by hand. A <em>delivery</em> is one event for one webhook:
 * written to the outbox in the same transaction as the change it announces, then posted in the background,
 * tried again with growing waits, and kept as the webhook's <em>delivery log</em>. A delivery is
 * <em>pending</em> until the receiver answers 2xx (<em>delivered</em>) or the last attempt fails
 * (<em>failed</em>); an administrator may <em>redeliver</em> a failed one. The <em>signature</em> is an
 * HMAC-SHA256 over the moment of sending and the exact body.
 */
package dateline.webhooks;
