package dateline;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.articles.ArticleDraft;
import dateline.articles.ArticleType;
import dateline.articles.BodyFormat;
import dateline.comments.CommentRoutes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Readers posting an article's comment form through real HTTP on loopback, as many as a load needs: for the
 * comment-writes benchmark and the test that kills a server while comments arrive. Each post comes from a
 * loopback address of its own (Linux answers on all of 127.0.0.0/8) and an email address of its own, as from
 * a different reader, so the site's flood limit (one comment every 15 seconds per address) applies as it
 * would to real readers and is not turned off. The site's minimum time to fill in the form is set to zero in
 * the data folder that is served, through the settings, as a site owner could.
 */
final class CommentLoad {
    private static final Pattern LOCATION = Pattern.compile("(?im)^Location: [^\\r\\n]*#comment-(\\d+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The article readers comment on. */
    record Target(long articleId, String path) {}

    /** What the server answered one post: its status, the comment's id when it was accepted, how long it took. */
    record Answer(int status, long commentId, long nanos) {
        /** The comment form's success answer: a redirect to the stored comment's anchor. */
        boolean accepted() {
            return status == 303 && commentId > 0;
        }
    }

    private CommentLoad() {}

    /**
     * Prepares a data folder for the load: an author, one published article open for comments, and no
     * minimum time to fill in the form. The folder is ready for {@code dateline serve}.
     */
    static Target prepare(Path data) {
        Settings settings = Settings.resolve(Map.of("data", data.toString()), Map.of());
        try (Wiring wiring = Wiring.open(settings, Clock.systemUTC())) {
            Account author = wiring.accounts().open(new NewAccount("desk@example.org", "Dana Desk", Role.EDITOR, null));
            ArticleDraft draft = new ArticleDraft("Harbour bridge reopens", "", "Traffic flows again across the bridge.",
                    "After two years of repairs the harbour bridge carries traffic again.", BodyFormat.MARKDOWN,
                    ArticleType.NEWS, null, List.of(), List.of(author.id()), null);
            Article article = wiring.articles().write(draft, author);
            article = wiring.articles().publish(article.id(), null, author);
            wiring.site().saveComments(wiring.site().comments().withMinimumFillSeconds(0));
            return new Target(article.id(), article.path());
        }
    }

    /**
     * Starts {@code dateline serve} on the data folder as a process of its own, with this program's classpath
     * and the given options of the Java virtual machine.
     */
    static Process serve(Path data, int port, Path log, String... javaOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(javaOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), App.class.getName(), "serve",
                "--data", data.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port)));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** Waits until the server answers its health check; false when it did not within the time. */
    static boolean awaitHealthy(int port, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (exchange(InetAddress.getLoopbackAddress(), port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Connection: close\r\n\r\n").startsWith("HTTP/1.1 200")) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** A fresh token of the article's comment form, as the page's script asks for one. */
    static String formToken(int port, long articleId) throws IOException {
        String answer = exchange(InetAddress.getLoopbackAddress(), port, "GET /comments/token?article=" + articleId
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        if (!answer.startsWith("HTTP/1.1 200")) throw new IOException("No form token: " + firstLine(answer));
        return answer.substring(answer.indexOf("\r\n\r\n") + 4).strip();
    }

    /** The text of the comment number {@code n}: the same for the same number, so it can be checked later. */
    static String textOf(long n) {
        return "Reader " + n + " writes: the night buses stop at the bridge again, and the ferry is quieter.";
    }

    /**
     * Posts comment number {@code n} from its own loopback address (127.1.0.0 onwards, one for each of 4
     * million numbers) and its own email address, and reads the whole answer.
     */
    static Answer post(int port, Target target, String token, long n) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("article", Long.toString(target.articleId()));
        form.put("comment", textOf(n));
        form.put("name", "Reader " + n);
        form.put("email", "reader" + n + "@example.net");
        form.put("website", "");
        form.put("form_token", token);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String request = "POST " + CommentRoutes.POST_PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Origin: http://127.0.0.1:" + port + "\r\nSec-Fetch-Site: same-origin\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nUser-Agent: dateline-comment-load\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
        long start = System.nanoTime();
        String answer = exchange(addressOf(n), port, request);
        long took = System.nanoTime() - start;
        Matcher location = LOCATION.matcher(answer);
        return new Answer(statusOf(answer), location.find() ? Long.parseLong(location.group(1)) : -1, took);
    }

    /** Fetches a path from one loopback address, as a reader who opens a new connection; answers the status. */
    static Answer get(int port, String path, long n) throws IOException {
        long start = System.nanoTime();
        String answer = exchange(addressOf(n), port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Accept-Encoding: gzip\r\nConnection: close\r\n\r\n");
        long took = System.nanoTime() - start;
        return new Answer(statusOf(answer), -1, took);
    }

    /** The status code of an answer, or -1 when it was cut short before the code. */
    private static int statusOf(String answer) {
        try {
            return answer.startsWith("HTTP/1.1 ") && answer.length() >= 12 ? Integer.parseInt(answer.substring(9, 12)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static InetAddress addressOf(long n) throws IOException {
        long k = n % (1 << 22);
        return InetAddress.getByAddress(new byte[] {127, (byte) (1 + (k >> 16)), (byte) (k >> 8), (byte) k});
    }

    private static String exchange(InetAddress from, int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String firstLine(String answer) {
        int end = answer.indexOf('\r');
        return end < 0 ? answer : answer.substring(0, end);
    }
}
