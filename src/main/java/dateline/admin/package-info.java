/**
 * The newsroom's screens, composed from the features' services: for now the one-page set-up of a new
 * site.
 *
 * <p>Glossary: <em>set-up</em> is the first visit to a new site, which names it and opens its first
 * administrator's account; the <em>set-up code</em> is the secret printed in the log for doing so from
 * another machine.
 */
package dateline.admin;
