package dateline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A small HTTP client for route tests: real requests to the real server, redirects not followed. */
public final class Http {
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    public Http(String base) {
        this.base = base;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        try {
            return client.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> head(String path, String... headers) {
        return send(request(path, headers).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Posts a form; {@code headers} come in name, value pairs. */
    public HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Posts a body exactly as given, whatever its bytes; {@code headers} come in name, value pairs. */
    public HttpResponse<String> postBytes(String path, String contentType, byte[] body, String... headers) {
        return send(request(path, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /**
     * Posts a multipart form, as a browser sends a form with a file: the fields, then the file under
     * {@code fileField}; {@code headers} come in name, value pairs.
     */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField, String fileName,
                                              byte[] content, String... headers) {
        String boundary = "----dateline-test-" + Long.toHexString(System.nanoTime());
        var body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = s -> body.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        fields.forEach((name, value) -> text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n"));
        text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        text.accept("\r\n--" + boundary + "--\r\n");
        return postBytes(path, "multipart/form-data; boundary=" + boundary, body.toByteArray(), headers);
    }

    /**
     * Sends a request with any method and a body exactly as given (none when null); {@code headers} come in
     * name, value pairs.
     */
    public HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder builder = request(path, headers);
        if (contentType != null) builder.header("Content-Type", contentType);
        return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /**
     * A form of the site as a visitor's browser holds it: the CSRF token from the page and the cookie that
     * must come with it. {@link VisitorForm#post} sends a form with both.
     */
    public VisitorForm visitorForm(String page) {
        HttpResponse<String> form = get(page);
        return new VisitorForm(Pages.first(form.body(), "name=\"csrf\" value=\"([^\"]+)\""),
                "dateline_csrf=" + Pages.cookie(form, "dateline_csrf"));
    }

    public final class VisitorForm {
        private final String token;
        private final String cookie;

        private VisitorForm(String token, String cookie) {
            this.token = token;
            this.cookie = cookie;
        }

        public String token() {
            return token;
        }

        public String cookie() {
            return cookie;
        }

        /** Posts the fields with the token and its cookie; {@code headers} come in name, value pairs. */
        public HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("csrf", token);
            String[] withCookie = new String[headers.length + 2];
            withCookie[0] = "Cookie";
            withCookie[1] = cookie;
            System.arraycopy(headers, 0, withCookie, 2, headers.length);
            return Http.this.post(path, all, withCookie);
        }
    }

    public static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) form.put(pairs[i], pairs[i + 1]);
        return form;
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
