package dateline.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code /metrics} on a port of its own on the loopback interface ({@code --metrics-port}), where a scraper on the
 * same machine (or a tunnel to it) reads it and nobody on the network can. Deliberately apart from the site's
 * server: the JDK's small HTTP server, one thread, none of the site's routes, caches or cookies.
 */
public final class MetricsServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService thread;

    private MetricsServer(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    /** Listens on 127.0.0.1 at {@code port} (0: any free port) and answers {@code /metrics} with {@code scrape}. */
    public static MetricsServer start(int port, Supplier<String> scrape) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for metrics on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        server.createContext("/", exchange -> answer(exchange, scrape));
        ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "metrics");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.start();
        return new MetricsServer(server, thread);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, Supplier<String> scrape) throws IOException {
        try (exchange) {
            boolean metrics = exchange.getRequestURI().getPath().equals("/metrics");
            boolean get = exchange.getRequestMethod().equals("GET");
            int status = !metrics ? 404 : !get ? 405 : 200;
            byte[] body = (status == 200 ? scrape.get() : status == 404 ? "Only /metrics is here.\n"
                    : "GET only.\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", status == 200 ? MetricsRoutes.CONTENT_TYPE
                    : "text/plain; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(1);
        thread.shutdownNow();
    }
}
