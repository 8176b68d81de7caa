/**
 * Moving a site in and out: WordPress eXtended RSS (WXR) and Dateline's own JSON export. Composes the
 * features' services; writes no SQL of its own except its record of what came from where.
 *
 * <p>Glossary: an <em>export</em> is a file describing a whole site; a <em>WordPress id</em> is the number an
 * item, term, author or comment had in the site it came from, and what makes a second import of the same
 * file add nothing; an <em>item</em> is WXR's word for a post, page or attachment.
 */
package dateline.imports;
