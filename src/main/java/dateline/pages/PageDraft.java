package dateline.pages;

import dateline.articles.BodyFormat;

/**
 * What the newsroom (or an import) writes of a page. A blank slug is made from the title; a null parent
 * puts the page at the top of the site; a null format means Markdown.
 */
public record PageDraft(String title, String slug, Long parentId, BodyFormat bodyFormat, String body) {
    public PageDraft {
        title = title == null ? "" : title.strip();
        slug = slug == null ? "" : slug.strip();
        bodyFormat = bodyFormat == null ? BodyFormat.MARKDOWN : bodyFormat;
        body = body == null ? "" : body;
    }
}
