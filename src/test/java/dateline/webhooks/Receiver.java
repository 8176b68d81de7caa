package dateline.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A system that receives webhooks, inside the test: an HTTP server on a loopback port that keeps every
 * request it is sent and answers each with the status the test chooses.
 */
public final class Receiver implements AutoCloseable {
    /** One request as it arrived: its headers (names in lower case) and its body exactly. */
    public record Received(String method, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(204);

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.add(new Received(exchange.getRequestMethod(), headers, new String(body, StandardCharsets.UTF_8)));
            int answer = status.get();
            if (answer >= 300 && answer < 400) exchange.getResponseHeaders().add("Location", url() + "elsewhere");
            byte[] text = (answer >= 400 ? "receiver says no" : "").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, text.length == 0 ? -1 : text.length);
            if (text.length > 0) exchange.getResponseBody().write(text);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/";
    }

    void answer(int code) {
        status.set(code);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
