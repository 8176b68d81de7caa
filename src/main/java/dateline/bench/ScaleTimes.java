package dateline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Benchmark 3's part that a fixed address cannot do, against a site served with the page cache off:
 * <pre>ScaleTimes --base http://127.0.0.1:PORT [--list /] [--page 5000] [--posts 300]</pre>
 * finds the address of page {@code --page} of a list (the front page's, or the one at {@code --list}: a tag's,
 * an author's) by following its "Older articles" links, as a reader would, stopping at its last page if it has
 * fewer, and an article of the second page (old enough to have all its comments); prints them as
 * {@code archive PATH} and {@code article PATH}; then posts {@code --posts} comments to that article through
 * its real form and prints the posts' p50, p99 and max.
 *
 * <p>The comments are posted as readers would send them: the form's token is taken from the article page,
 * the minimum filling time is waited once, and each post comes from its own loopback address
 * (127.1.x.y) and email address, so that the flood limit of one comment per address every few seconds,
 * which is there for people, meets each client once. The first tenth are a warm-up, not counted.
 */
public final class ScaleTimes {
    private static final Pattern OLDER = Pattern.compile("class=\"paging-older\" rel=\"next\" href=\"([^\"]+)\"");
    private static final Pattern ARTICLE = Pattern.compile("href=\"(/\\d{4}/\\d\\d/\\d\\d/[^\"/]+/)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args, "--base", "--list", "--page", "--posts", "--fill-seconds");
        URI base = URI.create(Options.required(options, "--base"));
        String list = options.getOrDefault("--list", "/");
        int page = Options.number(options, "--page", 5000);
        int posts = Options.number(options, "--posts", 300);
        int fillSeconds = Options.number(options, "--fill-seconds", 3);

        String second = older(get(base, "/"));
        String article = first(ARTICLE, get(base, second), "an article on " + second);
        long walk = System.nanoTime();
        String archive = list;
        int reached = 1;
        for (; reached < page; reached++) {
            String next = older(get(base, archive));
            if (next == null) break;
            archive = next;
        }
        System.out.printf(Locale.ROOT, "archive %s%n", archive);
        System.out.printf(Locale.ROOT, "article %s%n", article);
        System.out.printf(Locale.ROOT, "# list page %,d reached by following %,d \"Older articles\" links in %.1f s%n",
                reached, reached - 1, (System.nanoTime() - walk) / 1e9);
        if (posts > 0) postComments(base, article, posts, fillSeconds);
    }

    private static void postComments(URI base, String article, int posts, int fillSeconds) throws Exception {
        String page = get(base, article);
        String articleId = first(Pattern.compile("name=\"article\" value=\"(\\d+)\""), page, "the comment form");
        String token = first(Pattern.compile("name=\"form_token\" id=\"form_token\" value=\"([^\"]+)\""), page, "the form token");
        Thread.sleep(fillSeconds * 1000L + 500); // a person takes this long at least; the token remembers when it was made
        Timings timings = new Timings();
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        int warmUp = posts / 10;
        for (int i = 0; i < warmUp + posts; i++) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("comment", "Thank you for following this story. The second half of the report says what the "
                    + "first half leaves out, and the figures for my town are different again. (" + i + ")");
            form.put("name", "Reader " + i);
            form.put("email", "reader" + i + "-" + System.nanoTime() % 100_000 + "@example.org");
            form.put("website", "");
            form.put("article", articleId);
            form.put("parent", "");
            form.put("form_token", token);
            String client = "127.1." + (i / 250 + 1) + "." + (i % 250 + 1);
            long started = System.nanoTime();
            int status = post(base, client, "/comments", form);
            long took = System.nanoTime() - started;
            statuses.merge(status, 1, Integer::sum);
            if (i >= warmUp) timings.add(took);
        }
        System.out.printf(Locale.ROOT, "comment post  %s   (%d timed after %d; answers %s)%n", timings.summary(),
                posts, warmUp, statuses);
    }

    /** One form post over a socket of its own, from {@code client}; answers the status code. */
    private static int post(URI base, String client, String path, Map<String, String> form) throws IOException {
        byte[] body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
        String origin = base.getScheme() + "://" + base.getAuthority();
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nOrigin: " + origin
                + "\r\nSec-Fetch-Site: same-origin\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(client, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(answer.substring(9, 12));
        }
    }

    private static String get(URI base, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException(path + " answered " + response.statusCode());
        return response.body();
    }

    private static String older(String page) {
        Matcher m = OLDER.matcher(page);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    private static String first(Pattern pattern, String page, String what) {
        Matcher m = pattern.matcher(page);
        if (!m.find()) throw new IllegalStateException("Found no " + what);
        return m.group(1).replace("&amp;", "&");
    }
}
