package dateline.web;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.testing.Http;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping the server, as SIGTERM does: requests under way finish, new connections are refused. */
class GracefulStopTest {
    @Test
    void a_slow_request_in_flight_when_stopping_begins_completes_and_new_connections_are_refused() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RouteGroup slow = routes -> routes.get("/slow", ctx -> {
            entered.countDown();
            release.await(20, TimeUnit.SECONDS);
            ctx.result("finished");
        });
        WebServer server = new WebServer(new WebServer.Options("127.0.0.1", 0, new Csrf("http://localhost", Set.of(), "/api/"),
                ctx -> {}, ctx -> ctx.result("nothing here"), ctx -> {}, "failed", PageCache.ofMegabytes(0),
                ctx -> false, new WebServer.Unavailable(e -> false, "unavailable")), List.of(slow)).start();
        int port = server.port();
        Http http = new Http("http://127.0.0.1:" + port);

        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> http.get("/slow"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        long stopping = System.nanoTime();
        CompletableFuture<Void> stop = CompletableFuture.runAsync(server::close);

        assertThat(refusedWithin(port, Duration.ofSeconds(5))).as("new connections are refused once stopping began").isTrue();
        assertThat(inFlight).as("the request under way is still being answered").isNotDone();
        assertThat(stop).as("stopping waits for it").isNotDone();

        release.countDown();
        HttpResponse<String> answer = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("finished");
        stop.get(15, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(WebServer.STOP_TIMEOUT);
    }

    private static boolean refusedWithin(int port, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            } catch (ConnectException e) {
                return true;
            } catch (IOException e) {
                // a timeout: try again
            }
            Thread.sleep(20);
        }
        return false;
    }
}
