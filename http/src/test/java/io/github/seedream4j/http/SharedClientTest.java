package io.github.seedream4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 #14 and 19 #10: every provider instance made a JDK client of its own, and a JDK 17 client keeps its
 * selector thread and sockets until it is garbage collected. Now callers and downloaders share one per JVM.
 */
class SharedClientTest {

    private static long selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")).count();
    }

    @Test
    void manyCallersAndDownloaders_shareOneJdkClient() throws Exception {
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                .http2PlainDisabled(true));
        server.start();
        server.stubFor(get("/ok").willReturn(aResponse().withBody("ok")));
        try (TestContext context = new TestContext()) {
            HttpCaller.builder("warm").build().send(context, HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/ok")).build(), Idempotency.IDEMPOTENT).get(20, TimeUnit.SECONDS);
            long before = selectorThreads();

            for (int i = 0; i < 50; i++) {
                ImageDownloader.builder("p" + i).build();
                HttpCaller.builder("p" + i).build().send(context, HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + "/ok")).build(), Idempotency.IDEMPOTENT).get(20, TimeUnit.SECONDS);
            }

            assertThat(selectorThreads()).as("JDK selector threads after 50 more callers").isEqualTo(before);
        } finally {
            server.stop();
        }
    }
}
