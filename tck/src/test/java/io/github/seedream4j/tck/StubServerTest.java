package io.github.seedream4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.tck.StubServer.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StubServerTest {

    private final StubServer stub = StubServer.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void on_answersMatchingRequestsAndRecordsThem() throws Exception {
        stub.on("POST", "/v1/jobs/*/cancel", r -> Response.json(200, "{\"cancelled\":\"" + r.pathSegment(2) + "\"}"));

        HttpResponse<String> response = send("POST", "/v1/jobs/42/cancel?force=1", "please");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo("{\"cancelled\":\"42\"}");
        assertThat(stub.requests("POST", "/v1/jobs/*/cancel")).singleElement().satisfies(r -> {
            assertThat(r.query()).isEqualTo("force=1");
            assertThat(r.bodyText()).isEqualTo("please");
            assertThat(r.header("CONTENT-TYPE")).isEqualTo("text/plain");
        });
    }

    @Test
    void on_theNewestMatchingRouteWins() throws Exception {
        stub.on("GET", "/status", r -> Response.text(200, "old"));
        stub.on("GET", "/status", r -> Response.text(200, "new"));

        assertThat(send("GET", "/status", null).body()).isEqualTo("new");
    }

    @Test
    void requestsNoRouteMatches_areAnswered404WithWhatWasAsked() throws Exception {
        stub.on("GET", "/v1/jobs/*", r -> Response.empty(204));

        HttpResponse<String> response = send("GET", "/v1/jobs/42/cancel", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("no stub for GET /v1/jobs/42/cancel");
    }

    @Test
    void aHandlerThatThrows_isAnswered500NamingTheFailure() throws Exception {
        stub.on("GET", "/boom", r -> {
            throw new IllegalStateException("stub bug");
        });

        HttpResponse<String> response = send("GET", "/boom", null);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("the stub's handler failed: java.lang.IllegalStateException: stub bug");
    }

    @Test
    void aBlockedHandler_holdsUpNoOtherRequest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        stub.on("POST", "/held", r -> {
            release.await(30, TimeUnit.SECONDS);
            return Response.text(200, "released");
        });
        stub.on("GET", "/free", r -> Response.text(200, "free"));
        var held = http.sendAsync(request("POST", "/held", "x"), HttpResponse.BodyHandlers.ofString());

        assertThat(send("GET", "/free", null).body()).isEqualTo("free");
        assertThat(held).isNotDone();
        release.countDown();
        assertThat(held.get(30, TimeUnit.SECONDS).body()).isEqualTo("released");
    }

    @Test
    void on_refusesAPathWithoutALeadingSlash() {
        assertThatThrownBy(() -> stub.on("GET", "v1", r -> Response.empty(204)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a path pattern starts with '/', not 'v1'");
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        return http.send(request(method, pathAndQuery, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String method, String pathAndQuery, String body) {
        return HttpRequest.newBuilder(URI.create(stub.baseUrl() + pathAndQuery)).header("Content-Type", "text/plain")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
