package io.github.seedream4j.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.spring.boot.starter.SeedreamFailureAnalyzer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application generates through the Runpod provider, against a loopback stub serving Runpod's documented
 * payloads, with the Spring Boot line's dependency management deciding every transitive version.
 */
class RunpodConsumerTest {

    private static final String JOB = "eaebd6e7-6a92-4bb8-a911-f996ac5ea99d";

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post("/seedream-v4-t2i/run").willReturn(aResponse().withHeader("Content-Type",
                "application/json").withBody("{\"id\":\"" + JOB + "\",\"status\":\"IN_QUEUE\"}")));
        server.stubFor(get("/seedream-v4-t2i/status/" + JOB).willReturn(aResponse().withHeader("Content-Type",
                "application/json").withBody("{\"id\":\"" + JOB + "\",\"status\":\"COMPLETED\",\"delayTime\":16,"
                + "\"executionTime\":5234,\"workerId\":\"oqk7ao1uomckye\",\"output\":{\"image_url\":\""
                + server.baseUrl() + "/abc123/output.png\",\"cost\":0.113246}}")));
        server.stubFor(get("/abc123/output.png").willReturn(aResponse().withHeader("Content-Type", "image/png")
                .withBody(Pngs.png(1280, 720))));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void generate_throughRunpodWithNoVersionPinned() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ConsumerApplication.class)
                .web(WebApplicationType.NONE)
                .properties("seedream.provider=runpod", "seedream.settings.api-key=test-key",
                        "seedream.settings.base-url=" + server.baseUrl())
                .run()) {

            GenerationResult result = app.getBean(SeedreamClient.class).generate(
                    GenerationRequest.builder("a diner").size(1280, 720).seed(5).build());

            assertThat(result.image().resolution().toString()).isEqualTo("1280x720");
            assertThat(result.charge()).hasToString("0.113246 USD (reported)");
            assertThat(result.jobIds()).containsExactly(JOB);
            server.verify(postRequestedFor(urlEqualTo("/seedream-v4-t2i/run"))
                    .withHeader("Authorization", equalTo("Bearer test-key")));
        }
    }

    @Test
    void startUp_malformedRunpodSettingIsAnalysed() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(ConsumerApplication.class)
                .web(WebApplicationType.NONE)
                .properties("seedream.provider=runpod", "seedream.settings.api-key=test-key",
                        "seedream.settings.price=cheap", "logging.level.org.springframework=OFF");

        assertThatThrownBy(app::run).satisfies(failure -> {
            FailureAnalysis analysis = new SeedreamFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).isEqualTo("seedream4j could not configure its client: provider "
                    + "runpod setting 'price' from explicit setting 'price' is 'cheap'; expected a price such as "
                    + "0.03/image or 0.027/megapixel");
            assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("test-key");
        });
    }
}
