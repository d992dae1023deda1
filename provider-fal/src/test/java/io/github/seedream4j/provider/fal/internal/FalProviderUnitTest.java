package io.github.seedream4j.provider.fal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.http.HttpReply;
import io.github.seedream4j.http.Idempotency;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FalProviderUnitTest {

    @Test
    void under_acceptsOnlyTheBasesSchemeHostPortAndPath() {
        URI base = URI.create("https://queue.fal.run");
        assertThat(FalProvider.under(base, URI.create("https://queue.fal.run/fal-ai/bytedance/requests/r/status")))
                .isTrue();
        assertThat(FalProvider.under(base, URI.create("https://QUEUE.fal.run:443/fal-ai/x/requests/r"))).isTrue();
        assertThat(FalProvider.under(base, URI.create("http://queue.fal.run/fal-ai/x/requests/r"))).isFalse();
        assertThat(FalProvider.under(base, URI.create("https://queue.fal.run:8443/fal-ai/x/requests/r"))).isFalse();
        assertThat(FalProvider.under(base, URI.create("https://queue.fal.run.example.com/fal-ai/x"))).isFalse();
        assertThat(FalProvider.under(base, URI.create("https://user@queue.fal.run/fal-ai/x"))).isFalse();
        assertThat(FalProvider.under(base, URI.create("/fal-ai/x/requests/r"))).isFalse();

        URI proxy = URI.create("https://gateway.example.com/fal");
        assertThat(FalProvider.under(proxy, URI.create("https://gateway.example.com/fal/fal-ai/x/requests/r")))
                .isTrue();
        assertThat(FalProvider.under(proxy, URI.create("https://gateway.example.com/other/requests/r"))).isFalse();
        assertThat(FalProvider.under(proxy, URI.create("https://gateway.example.com/falx/requests/r"))).isFalse();
        assertThat(FalProvider.under(proxy, URI.create("https://gateway.example.com/fal/../admin"))).isFalse();
    }

    @Test
    void settled_recognisesCancellationsOfRequestsThatAlreadyEnded() {
        assertThat(FalProvider.settled(reply(400, "{\"status\": \"ALREADY_COMPLETED\"}"))).isTrue();
        assertThat(FalProvider.settled(reply(404, "{\"status\": \"NOT_FOUND\"}"))).isTrue();
        assertThat(FalProvider.settled(reply(401, "{\"detail\": \"Unauthorized\"}"))).isFalse();
        assertThat(FalProvider.settled(reply(503, "NOT_FOUND"))).isFalse();
    }

    private static HttpReply reply(int status, String body) {
        return HttpReply.of("PUT /fal-ai/bytedance/requests/r/cancel", Idempotency.IDEMPOTENT, status, Map.of(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void dataUri_givesTheImageAndItsMediaType() {
        FalProvider.DataUri d = FalProvider.DataUri.parse("data:image/png;base64,iVBORw0KGgo=").orElseThrow();

        assertThat(d.mediaType()).isEqualTo("image/png");
        assertThat(d.bytes()).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        assertThat(FalProvider.DataUri.parse("data:image/png,%89PNG")).isEmpty();
        assertThat(FalProvider.DataUri.parse("data:image/png;base64,***")).isEmpty();
        assertThat(new String(FalProvider.DataUri.parse("data:;base64,YWJj").orElseThrow().bytes(),
                StandardCharsets.US_ASCII)).isEqualTo("abc");
    }
}
