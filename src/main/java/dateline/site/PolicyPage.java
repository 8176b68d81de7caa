package dateline.site;

import dateline.web.Frame;
import dateline.web.Head;

/** One of the publisher's policies, as a page. {@code bodyHtml} is already safe. */
public record PolicyPage(Frame frame, Head head, String title, String bodyHtml) {}
