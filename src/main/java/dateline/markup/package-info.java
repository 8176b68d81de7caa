/**
 * Markup: Markdown to safe HTML, the sanitizing policy for supplied HTML, slugs and excerpts. Pure
 * functions with no state and no dependency on the rest of Dateline; their XSS tests live beside them.
 *
 * <p>Glossary: a <em>slug</em> is the readable last part of an address; an <em>excerpt</em> is a short
 * plain-text summary cut at a word.
 */
package dateline.markup;
