/**
 * Demonstration content: a site filled with realistic synthetic articles for trying Dateline out, for
 * screenshots and for benchmarks. Composes the features' services; writes no SQL of its own.
 *
 * <p>Glossary: a <em>seed</em> fixes the generator, so the same seed and moment give the same site.
 */
package dateline.demo;
