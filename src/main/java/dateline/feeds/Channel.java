package dateline.feeds;

/**
 * What a feed says about itself: its title, the page it follows ({@code pagePath}), where its own addresses
 * start ({@code feedBase}, to which {@code feed/} or {@code feed/atom/} is added) and a sentence about it.
 */
record Channel(String title, String pagePath, String feedBase, String description) {
    static Channel of(String title, String path, String description) {
        return new Channel(title, path, path, description);
    }
}
