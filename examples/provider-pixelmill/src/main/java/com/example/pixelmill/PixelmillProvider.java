package com.example.pixelmill;

import static com.example.pixelmill.PixelmillProviderFactory.API_KEY;
import static com.example.pixelmill.PixelmillProviderFactory.ID;

import io.github.seedream4j.Prompt;
import io.github.seedream4j.Seed;
import io.github.seedream4j.http.ErrorKind;
import io.github.seedream4j.http.ErrorMapping;
import io.github.seedream4j.http.ErrorTranslator;
import io.github.seedream4j.http.HttpCaller;
import io.github.seedream4j.http.HttpReply;
import io.github.seedream4j.http.HttpSettings;
import io.github.seedream4j.http.Idempotency;
import io.github.seedream4j.http.ImageDownloader;
import io.github.seedream4j.http.Json;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import io.github.seedream4j.spi.ProviderSettings;
import io.github.seedream4j.spi.Secret;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import tools.jackson.core.JacksonException;

/**
 * One {@code POST /v1/images} per call; the answer holds the images, inline (Base64) or as URLs, so there is no job
 * to poll or cancel. Thread-safe: it keeps no per-call state.
 */
final class PixelmillProvider implements ImageProvider {

    private final Secret key;
    private final URI endpoint;
    private final Duration timeout;
    private final ErrorTranslator errors;
    private final HttpCaller http;
    private final ImageDownloader downloader = ImageDownloader.builder(ID).build();

    /** Reads and checks every setting, so that a bad one fails the client's {@code build()}. */
    PixelmillProvider(ProviderSettings settings) {
        this.key = HttpSettings.credential(settings, API_KEY);
        this.endpoint = URI.create(HttpSettings.baseUrl(settings, PixelmillProviderFactory.BASE_URL) + "/v1/images");
        this.timeout = settings.duration(PixelmillProviderFactory.TIMEOUT);
        this.errors = ErrorTranslator.builder(ID).credential(API_KEY).secrets(key).console("the Pixelmill dashboard")
                .mapping(ErrorMapping.onCode("account_overdue", ErrorKind.INSUFFICIENT_CREDIT,
                        "the Pixelmill account is overdue: pay the open invoice, then try again"))
                .build();
        this.http = HttpCaller.builder(ID).errors(errors).build();
    }

    @Override
    public CompletableFuture<ProviderResult> generate(ProviderCall call, GenerationContext context) {
        var r = call.request();
        ImagesRequest body = new ImagesRequest(r.prompt().text(), r.negativePrompt().map(Prompt::text).orElse(null),
                call.resolution().width(), call.resolution().height(), r.seed().map(Seed::value).orElse(null),
                call.images());
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout).POST(Json.body(body))
                .header("Authorization", "Bearer " + key.reveal()).header("Content-Type", "application/json").build();
        return http.send(context, request, Idempotency.NON_IDEMPOTENT).thenCompose(reply -> {
            ImagesAnswer answer = read(reply);
            CompletableFuture<Void> stored = CompletableFuture.completedFuture(null);
            for (Image image : Objects.requireNonNullElse(answer.images(), List.<Image>of())) {
                stored = stored.thenCompose(done -> store(image, answer.id(), context));
            }
            return stored.thenApply(done -> ProviderResult.builder().jobId(answer.id())
                    .reportedCost(answer.costUsd(), "USD").build());
        });
    }

    private ImagesAnswer read(HttpReply reply) {
        if (!reply.isSuccess()) {
            throw errors.translate(reply);
        }
        try {
            return Json.mapper().readValue(reply.body(), ImagesAnswer.class);
        } catch (JacksonException e) {
            throw errors.exception(ErrorKind.FAILED, errors.report(reply, null), "the answer is not the JSON "
                    + "Pixelmill documents; report it to Pixelmill with the time of the request");
        }
    }

    private CompletableFuture<Void> store(Image image, String id, GenerationContext context) {
        if (image.url() != null) {
            return downloader.download(context, URI.create(image.url()), id);
        }
        context.images().store(Base64.getMimeDecoder().decode(image.base64()), image.mimeType(), null);
        return CompletableFuture.completedFuture(null);
    }

    record ImagesRequest(String prompt, String negativePrompt, int width, int height, Long seed, int count) {
    }

    record ImagesAnswer(String id, List<Image> images, String costUsd) {
    }

    record Image(String base64, String url, String mimeType) {
    }
}
