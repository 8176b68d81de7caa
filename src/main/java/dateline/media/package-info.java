/**
 * Media: images the newsroom uploads for articles, the media library they are picked from, and the
 * addresses readers load them at. An upload's kind is read from its bytes; SVG is refused. Readers are
 * never served what was uploaded, which can carry the place a photo was taken, only variants re-encoded
 * without metadata.
 *
 * <p>Glossary: a <em>media file</em> is one uploaded image and what is known of it. Its <em>original</em>
 * is the uploaded bytes, kept privately and never served. A <em>variant</em> is the image re-encoded at one
 * width, the only form readers get; together they make an image's {@code srcset}. <em>Alt text</em> says
 * what the image shows, for readers who cannot see it. A <em>storage key</em> names a file in the
 * <em>media store</em>.
 */
package dateline.media;
