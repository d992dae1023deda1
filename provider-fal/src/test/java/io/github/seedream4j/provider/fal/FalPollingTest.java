package io.github.seedream4j.provider.fal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.seedream4j.tck.CallRates.mostIn;
import static io.github.seedream4j.tck.CallRates.perSecond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cap on status calls, {@code max-polls-per-second}, seen at a stub whose requests take a second. */
class FalPollingTest {

    private static final String KEY = "5b7d0f6e-1111-4222-8333-944455556666:0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    private WireMockServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private SeedreamClient.Builder builder() {
        return SeedreamClient.builder().provider("fal").setting("api-key", KEY).systemProperties(k -> null)
                .environment(k -> null);
    }

    @Test
    void generate_twentyRequestsUnderACapOfFivePollsASecondAllComplete() {
        TimedFal fal = new TimedFal(Duration.ofSeconds(1));
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
                .http2PlainDisabled(true).extensions(fal));
        server.start();
        fal.baseUrl(server.baseUrl());
        server.stubFor(post(urlPathEqualTo("/fal-ai/bytedance/seedream/v4/text-to-image")).willReturn(aResponse()
                .withTransformers(TimedFal.NAME)));
        server.stubFor(get(urlPathMatching("/fal-ai/bytedance/requests/.*")).willReturn(aResponse()
                .withTransformers(TimedFal.NAME)));
        server.stubFor(get(urlPathMatching("/files/.*")).willReturn(aResponse().withHeader("Content-Type",
                "image/png").withBody(Pngs.png(1024, 1024))));

        List<GenerationResult> results;
        try (SeedreamClient client = builder().setting("base-url", server.baseUrl())
                .setting("max-polls-per-second", "5").timeout(Duration.ofMinutes(2)).build()) {
            List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                futures.add(client.generateAsync(GenerationRequest.builder("a red fox, " + i).size(1024, 1024)
                        .build()));
            }
            results = futures.stream().map(CompletableFuture::join).toList();
        }

        assertThat(results).hasSize(20).allSatisfy(r -> assertThat(r.image().resolution())
                .isEqualTo(Resolution.of(1024, 1024)));
        assertThat(fal.callsPerRequest).hasSize(20);
        // the schedule alone would poll these requests 80 times a second; the gate's slots are 200 ms apart, and a
        // call that reaches the stub late (a busy machine) bunches with the next ones, so two seconds are counted
        assertThat(mostIn(TWO_SECONDS, fal.statusCalls)).isLessThanOrEqualTo(2 * 5 + 2);
        assertThat(perSecond(fal.statusCalls)).isLessThanOrEqualTo(5 * 1.1);
    }

    @Test
    void build_refusesACapThatIsNotANumber() {
        assertThatThrownBy(() -> builder().setting("max-polls-per-second", "-3").build())
                .isInstanceOf(ConfigurationException.class).hasMessage("provider fal setting 'max-polls-per-second' "
                        + "from explicit setting 'max-polls-per-second' is '-3'; expected status calls per second as "
                        + "a decimal from 0.01 to 1000000, such as 5 or 0.5, or 'unlimited' (or 0) for no cap");
    }

    @Test
    void settings_listTheCapUnlimitedByDefault() {
        assertThat(FalSettings.ALL).contains(FalSettings.MAX_POLLS_PER_SECOND);
        assertThat(FalSettings.MAX_POLLS_PER_SECOND.name()).isEqualTo("max-polls-per-second");
        assertThat(FalSettings.MAX_POLLS_PER_SECOND.defaultValue()).isEqualTo("unlimited");
    }
}
