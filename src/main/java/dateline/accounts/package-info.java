/**
 * Accounts: the people of the newsroom, their roles and their passwords (Argon2id).
 *
 * <p>Glossary: an <em>account</em> is a member of the newsroom (never called a user); a <em>role</em> is
 * administrator, editor, author or contributor; an account's <em>slug</em> names its author page.
 */
package dateline.accounts;
