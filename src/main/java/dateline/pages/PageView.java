package dateline.pages;

import dateline.web.Frame;
import dateline.web.Head;
import dateline.web.Link;
import java.util.List;

/** A page as readers see it; {@code breadcrumbs} are the pages above it, {@code bodyHtml} is already safe. */
public record PageView(Frame frame, Head head, String title, String bodyHtml, List<Link> breadcrumbs) {}
