/**
 * Moving a site in and out: WordPress eXtended RSS (WXR) and Dateline's own JSON export. Composes the
 * features' services; writes no SQL of its own except its record of what came from where.
 *
 * <p>Glossary: an <em>export</em> is a file describing a whole site; a <em>WordPress id</em> is the number an
 * item, term, author or comment had in the site it came from, and what makes a second import of the same
 * file add nothing; an <em>item</em> is WXR's word for a post, page or attachment. In WordPress content, a
 * <em>block comment</em> ({@code <!-- wp:paragraph -->}) marks where the block editor's blocks begin and end;
 * a <em>shortcode</em> ({@code [caption]…[/caption]}, {@code [gallery ids="1,2"]}) is a macro WordPress
 * expands when it shows a post; <em>autop</em> is WordPress's rule that makes paragraphs of the classic
 * editor's blank lines. An <em>origin</em> is the record of where an imported thing came from (the site, its
 * kind, its WordPress id and GUID); a <em>former address</em> is an address of the old site (a permalink, a
 * {@code ?p=} query, a category's archive) that now answers with a permanent redirect; a thing is
 * <em>matched</em> when an import finds it already imported, and left as it is.
 */
package dateline.imports;
