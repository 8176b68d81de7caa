package dateline.testing;

import dateline.demo.DemoSite;
import java.time.Instant;

/** Demonstration content for tests: always the same site for the same size. */
public final class DemoSites {
    public static final long SEED = 20240620L;
    public static final Instant NOW = Instant.parse("2024-06-20T12:00:00Z");

    private DemoSites() {}

    public static DemoSite.Summary fill(TestSite site, int articles) {
        return new DemoSite(site.wiring().site(), site.wiring().accounts(), site.wiring().articles(),
                site.wiring().comments()).fill(articles, SEED, NOW, null);
    }
}
