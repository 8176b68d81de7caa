/**
 * The JSON API under {@code /api/v1}, its tokens and its OpenAPI document. It composes the features through
 * their services (articles, comments, accounts, site), never their tables, so that the newsroom's rules,
 * workflow, sanitizing and moderation log apply to it alike.
 *
 * <p>Glossary: a <em>token</em> is the secret a program sends as {@code Authorization: Bearer dl_…}; it
 * belongs to an account and acts as it. Its <em>scopes</em> are {@code read}, {@code write} and
 * {@code moderate}; a token may do what its account's role allows and its scopes allow, never more. The
 * <em>bearer</em> is who asks with a token. A <em>cursor</em> is the opaque place where the next page of a
 * list begins. An <em>error code</em> is the stable, machine-readable name of a refusal.
 */
package dateline.api;
