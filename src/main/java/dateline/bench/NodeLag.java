package dateline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.Wiring;
import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.api.Scope;
import dateline.articles.ArticleFilter;
import dateline.articles.ArticleSummary;
import dateline.web.PageRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How long a change made on one node takes to be served by another (benchmark {@code bench/nodes}). Opens the
 * site's database once to give a bench editor an API token and find the newest article; renders that article's page
 * {@code --warm-up} times on each node (an address with a query parameter no page reads, so nothing is kept), as a
 * node that has served for a while has done; then, {@code --changes} times: reads the article on the second node until it answers from its page cache, changes the headline on the
 * first node through the API, and reads the second node's page (every millisecond or so) until it shows the new
 * headline. Prints p50, p99 and max of the lag, counted from the first node's answer (the change committed), and of
 * the whole round, counted from sending the change.
 *
 * <p>Without the warm-up the figure measures a cold node instead: the second node otherwise renders the page only
 * once a change, so a hundred changes ran its rendering code a hundred times, mostly not yet compiled. Timed step by
 * step, the second node drops the page within milliseconds of the change's commit; the lag is its render (see the
 * README's section on several nodes).
 *
 * <p>{@code --database-url URL --from http://127.0.0.1:A --to http://127.0.0.1:B [--changes 100] [--warm-up 3000]}
 */
public final class NodeLag {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GIVE_UP = Duration.ofSeconds(10);
    /** The warm-up stops after this long in any case, however many renders it has done. */
    private static final Duration WARM_UP_AT_MOST = Duration.ofSeconds(120);

    private NodeLag() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args, "--database-url", "--from", "--to", "--changes", "--warm-up");
        String from = Options.required(options, "--from");
        String to = Options.required(options, "--to");
        int changes = Options.number(options, "--changes", 100);
        int warmUp = Options.number(options, "--warm-up", 3000);
        Path scratch = Files.createTempDirectory("dateline-node-lag-");
        String token;
        long articleId;
        String path;
        try (Wiring site = Sites.open(scratch.toString(), Map.of("database-url", Options.required(options, "--database-url")))) {
            Account editor = site.accounts().byEmail("node-lag@example.org").orElseGet(() -> site.accounts()
                    .open(new NewAccount("node-lag@example.org", "Node Lag", Role.EDITOR, null)));
            token = site.apiTokens().create(editor, "node lag " + System.nanoTime(), Set.of(Scope.WRITE)).secret();
            ArticleSummary newest = site.articles().published(new ArticleFilter(null, null, null, null, null),
                    PageRequest.first(1)).items().get(0);
            articleId = newest.id();
            path = newest.path();
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Timings lag = new Timings();
        Timings round = new Timings();
        int version = version(client, from, token, articleId);
        warmUp(client, List.of(from + path, to + path), warmUp);
        for (int i = 1; i <= changes; i++) {
            while (!"hit".equals(get(client, to + path).headers().firstValue("X-Page-Cache").orElse(""))) Thread.sleep(5);
            String headline = "Harbour lag probe " + i + " " + Long.toHexString(System.nanoTime());
            long sent = System.nanoTime();
            HttpResponse<String> changed = client.send(HttpRequest.newBuilder(URI.create(from + "/api/v1/articles/" + articleId))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("version", version, "headline", headline))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            long committed = System.nanoTime();
            if (changed.statusCode() != 200) {
                throw new IllegalStateException("The change was refused (" + changed.statusCode() + "): " + changed.body());
            }
            version = JSON.readTree(changed.body()).path("version").asInt();
            while (!get(client, to + path).body().contains(headline)) {
                if (System.nanoTime() - committed > GIVE_UP.toNanos()) {
                    throw new IllegalStateException("The other node did not show change " + i + " within " + GIVE_UP);
                }
                Thread.sleep(1);
            }
            long shown = System.nanoTime();
            lag.add(shown - committed);
            round.add(shown - sent);
        }
        System.out.printf("%-44s %9s %9s %9s%n", "change on one node, shown by the other (ms)", "p50", "p99", "max");
        System.out.printf("%-44s %s%n", "  from the change's answer (" + lag.count() + ")", lag.summary());
        System.out.printf("%-44s %s%n", "  from sending the change", round.summary());
    }

    /** Renders each page {@code times} times, taking them in turn, for {@link #WARM_UP_AT_MOST} at most. */
    private static void warmUp(HttpClient client, List<String> pages, int times) throws Exception {
        long end = System.nanoTime() + WARM_UP_AT_MOST.toNanos();
        int done = 0;
        for (; done < times && System.nanoTime() < end; done++) {
            for (String page : pages) get(client, page + "?warm-up=" + done);
        }
        System.out.printf("warmed up with %d renders of the page on each node%n", done);
    }

    private static int version(HttpClient client, String base, String token, long articleId) throws Exception {
        HttpResponse<String> article = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + articleId))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(article.body());
        return json.path("version").asInt();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
