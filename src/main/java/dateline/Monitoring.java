package dateline;

import dateline.mail.MailService;
import dateline.storage.Database;
import dateline.web.PageCache;
import dateline.web.RequestMetrics;
import dateline.webhooks.WebhookService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a serving node reports at {@code /metrics}, in Prometheus's text format: the requests the routes answer
 * ({@link RequestMetrics}), how the page cache answered, the database pool (Hikari's own figures), the mail and
 * webhook outboxes' backlogs, and the JVM (memory, garbage collection, threads, classes, processor, uptime).
 * Everything that is counted on the request path is counted there with an adder and read here at scrape time;
 * the backlogs are queried at scrape time too, so nothing runs between scrapes.
 */
final class Monitoring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Monitoring.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final RequestMetrics requests = new RequestMetrics(registry);

    Monitoring(Database database, PageCache pages, MailService mail, WebhookService webhooks) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        database.reportPoolTo(registry);
        pageCache("hit", "jetty", pages, PageCache::hitsBeforeRoutes);
        pageCache("hit", "routes", pages, PageCache::hits);
        pageCache("miss", "routes", pages, PageCache::misses);
        pageCache("bypass", "routes", pages, PageCache::bypasses);
        Gauge.builder("dateline.page.cache.size", pages, PageCache::weight).baseUnit("bytes")
                .description("The bytes the kept pages take, as weighed against the cache's bound").register(registry);
        backlog("mail", () -> mail.status().waiting());
        backlog("webhooks", webhooks::waiting);
    }

    private void pageCache(String result, String answeredBy, PageCache pages, ToDoubleFunction<PageCache> count) {
        FunctionCounter.builder("dateline.page.cache.requests", pages, count)
                .description("Requests for public pages by how the page cache answered them; hits answered in Jetty, "
                        + "before the routes, are not in http_server_requests")
                .tags("result", result, "answered_by", answeredBy)
                .register(registry);
    }

    /** A gauge that counts an outbox's unfinished items when scraped; not a number while the database is away. */
    private void backlog(String outbox, LongSupplier waiting) {
        Gauge.builder("dateline.outbox.backlog", () -> {
                    try {
                        return waiting.getAsLong();
                    } catch (RuntimeException e) {
                        LOG.debug("Could not count the {} outbox", outbox, e);
                        return Double.NaN;
                    }
                })
                .description("Items waiting to be handed over (not yet delivered nor given up)")
                .tag("outbox", outbox)
                .register(registry);
    }

    RequestMetrics requests() {
        return requests;
    }

    /** Every metric, in Prometheus's text format. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
