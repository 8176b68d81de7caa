package dateline.articles;

import dateline.web.Link;
import java.util.List;

/**
 * Where the site's frame gets the menus the newsroom arranges. The feature that keeps them is above
 * articles; {@code Wiring} connects it. Empty menus leave the frame as it is without them: the sections
 * in the header, the publisher's links in the footer.
 */
@FunctionalInterface
public interface MenuSource {
    /** The menus' links as readers see them, sections named from {@code sections}. */
    Menus menus(List<Section> sections);

    MenuSource NONE = sections -> new Menus(List.of(), List.of());

    record Menus(List<Link> header, List<Link> footer) {}
}
