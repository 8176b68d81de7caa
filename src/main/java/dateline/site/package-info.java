/**
 * The site itself: its settings (title, description, timezone, date and time formats, language, list
 * lengths) and how it shows moments in time.
 *
 * <p>Glossary: a <em>stamp</em> is one moment as a page shows it, for people and for machines; a
 * <em>date format</em> uses the letters WordPress uses ("F j, Y", "g:i a").
 */
package dateline.site;
