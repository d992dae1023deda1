package io.github.seedream4j.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.List;

/** A hostile stand-in for Runpod on 127.0.0.1: answers {@code /run} at once with whatever a test scripts. */
final class RunpodStub extends LoopbackApi {

    static final String RUN = "/seedream-v4-t2i/run";

    RunpodStub() {
        super("runpod", "api-key", "");
    }

    /** Every /run answers COMPLETED with {@code output} (JSON object text; {@code URL} stands for the image's URL). */
    RunpodStub completed(String output) {
        server.stubFor(post(urlPathEqualTo(RUN)).willReturn(json(200, "{\"id\":\"job-1\",\"status\":\"COMPLETED\","
                + "\"delayTime\":5,\"executionTime\":50,\"output\":" + output.replace("URL", root() + "/img/out.png")
                + "}")));
        return this;
    }

    /** Every /run answers FAILED with {@code error} as the job's error text. */
    RunpodStub failed(String error) {
        server.stubFor(post(urlPathEqualTo(RUN)).willReturn(json(200, "{\"id\":\"job-1\",\"status\":\"FAILED\","
                + "\"error\":" + quote(error) + "}")));
        return this;
    }

    /** The image URL serves a real 1024x1024 PNG. */
    RunpodStub image() {
        image("out", 1024, 1024);
        return this;
    }

    /** The image URL has expired. */
    RunpodStub imageGone() {
        server.stubFor(get(urlPathEqualTo("/img/out.png")).willReturn(aResponse().withStatus(404)));
        return this;
    }

    /** The first /run answers 429 (retry after 1 s), the next ones COMPLETED with a real image. */
    RunpodStub rateLimitedOnce() {
        server.stubFor(post(urlPathEqualTo(RUN)).inScenario("once").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("again")
                .willReturn(json(429, "{\"error\":\"slow down\"}").withHeader("Retry-After", "1")));
        server.stubFor(post(urlPathEqualTo(RUN)).inScenario("once").whenScenarioStateIs("again")
                .willReturn(json(200, "{\"id\":\"job-1\",\"status\":\"COMPLETED\",\"output\":{\"cost\":0.03,"
                        + "\"image_url\":\"" + root() + "/img/out.png\"}}")));
        return image();
    }

    /** The Authorization headers of every /run. */
    List<String> authorizations() {
        return requests("POST", urlPathEqualTo(RUN)).stream().map(r -> r.getHeader("Authorization")).toList();
    }

    int posts() {
        return requests("POST", urlPathEqualTo(RUN)).size();
    }
}
