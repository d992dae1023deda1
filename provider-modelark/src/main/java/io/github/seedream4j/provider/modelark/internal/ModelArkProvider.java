package io.github.seedream4j.provider.modelark.internal;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ImageDownloadException;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.Resolution;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.Warning;
import io.github.seedream4j.http.ErrorDetail;
import io.github.seedream4j.http.ErrorKind;
import io.github.seedream4j.http.ErrorMapping;
import io.github.seedream4j.http.ErrorReport;
import io.github.seedream4j.http.ErrorTranslator;
import io.github.seedream4j.http.HttpCaller;
import io.github.seedream4j.http.HttpReply;
import io.github.seedream4j.http.Idempotency;
import io.github.seedream4j.http.ImageDownloader;
import io.github.seedream4j.http.Json;
import io.github.seedream4j.http.Redactor;
import io.github.seedream4j.http.RetryPolicy;
import io.github.seedream4j.provider.modelark.ModelArkSettings;
import io.github.seedream4j.provider.modelark.internal.ImagesResponse.ApiError;
import io.github.seedream4j.provider.modelark.internal.ImagesResponse.Item;
import io.github.seedream4j.provider.modelark.internal.ModelArkConfig.ResponseFormat;
import io.github.seedream4j.spi.GenerationContext;
import io.github.seedream4j.spi.ImageProvider;
import io.github.seedream4j.spi.ProviderCall;
import io.github.seedream4j.spi.ProviderResult;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

/**
 * One synchronous round trip to {@code POST {base}/images/generations}, then the images: fetched at once from
 * their signed URLs (kept 24 hours), or decoded from the answer. There is no job id and nothing to look up later,
 * so a request that may have reached ModelArk is never sent again: a connection lost after sending ends in
 * {@link io.github.seedream4j.OutcomeUnknownException}. Thread-safe.
 */
final class ModelArkProvider implements ImageProvider {

    private static final String ID = ModelArkSettings.PROVIDER_ID;
    /** An answer with URLs is small; with base64 it holds up to 15 images, each up to several MB. */
    private static final long MAX_URL_ANSWER_BYTES = 8L * 1024 * 1024;
    private static final long MAX_B64_ANSWER_BYTES = 256L * 1024 * 1024;
    private static final ObjectReader ANSWER = Json.mapper().readerFor(ImagesResponse.class);

    private final ModelArkConfig config;
    private final URI endpoint;
    private final String what;
    private final ErrorTranslator errors;
    private final Map<SeedreamModel, ErrorTranslator> translators = new EnumMap<>(SeedreamModel.class);
    private final Map<SeedreamModel, ErrorMapping> mappings = new EnumMap<>(SeedreamModel.class);
    private final HttpCaller http;
    private final ImageDownloader downloader;

    ModelArkProvider(ModelArkConfig config) {
        this.config = config;
        ModelArkConfig.Catalog catalog = config.catalog();
        this.endpoint = URI.create(catalog.baseUrl() + "/images/generations");
        this.what = "POST " + endpoint.getRawPath();
        this.errors = ModelArkErrors.translator(catalog, config.apiKey(), null);
        for (SeedreamModel m : catalog.models().keySet()) {
            translators.put(m, ModelArkErrors.translator(catalog, config.apiKey(), m));
            mappings.put(m, ModelArkErrors.mapping(catalog, m));
        }
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(config.maxAttempts()).build();
        this.http = HttpCaller.builder(ID).errors(errors).retryPolicy(policy).timeout(config.timeout())
                .maxReplyBytes(config.format() == ResponseFormat.URL ? MAX_URL_ANSWER_BYTES : MAX_B64_ANSWER_BYTES)
                .build();
        this.downloader = ImageDownloader.builder(ID).retryPolicy(policy).build();
    }

    @Override
    public CompletableFuture<ProviderResult> generate(ProviderCall call, GenerationContext context) {
        SeedreamModel model = call.model().model();
        String modelId = call.model().providerModelId() != null ? call.model().providerModelId()
                : config.catalog().models().get(model);
        HttpRequest request;
        try {
            if (modelId == null) {
                throw new InvalidRequestException("provider " + ID + " does not serve Seedream " + model + " in region "
                        + config.catalog().region().label() + "; set '" + ModelArkConfig.MODEL_KEYS.get(model).name()
                        + "' to a model or endpoint id that serves it", ID, null, null);
            }
            request = HttpRequest.newBuilder(endpoint).timeout(config.timeout())
                    .header("Authorization", "Bearer " + config.apiKey().reveal())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(Json.body(body(modelId, call))).build();
        } catch (SeedreamException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.send(context, request, Idempotency.NON_IDEMPOTENT)
                .thenCompose(reply -> images(call, context, model, reply));
    }

    /** The request body: only fields of ByteDance's type, the watermark always explicit. */
    private ImagesRequest body(String modelId, ProviderCall call) {
        GenerationRequest r = call.request();
        Resolution size = call.resolution();
        boolean set = call.sequential();
        return new ImagesRequest(modelId, r.prompt().text(), call.inputs(), size.width() + "x" + size.height(),
                set ? "auto" : "disabled", set ? new ImagesRequest.SequentialOptions(call.images()) : null,
                config.format().wire(), watermark(r));
    }

    /** The {@code watermark} extra option: {@code false} unless the caller asks for the mark. */
    private static boolean watermark(GenerationRequest r) {
        Object v = r.extras().get(ModelArkSettings.WATERMARK);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        String t = v.toString().strip().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return t.equals("true");
        }
        String shown = v.toString().length() > 40 ? v.toString().substring(0, 40) + "..." : v.toString();
        throw new InvalidRequestException("provider " + ID + ": extra option '" + ModelArkSettings.WATERMARK + "' is '"
                + shown + "'; expected true or false", ID, null, null);
    }

    /** Reads the answer, stores every image it holds, and says which images of the set failed. */
    private CompletableFuture<ProviderResult> images(ProviderCall call, GenerationContext context,
            SeedreamModel model, HttpReply reply) {
        ErrorTranslator t = translators.getOrDefault(model, errors);
        if (!reply.isSuccess()) {
            throw t.translate(reply);
        }
        ImagesResponse answer;
        try {
            answer = Base64Value.over(ANSWER, reply.body()).readValue(reply.body());
        } catch (JacksonException e) {
            answer = null;
        }
        if (answer == null) {
            ErrorReport lost = t.report(reply, null).withDetails(List.of(ErrorDetail.of("an answer of "
                    + reply.body().length + " bytes that is not ModelArk's JSON image answer")));
            throw t.exception(ErrorKind.OUTCOME_UNKNOWN, lost, "the images were probably made and charged, but "
                    + "the answer naming them cannot be read. " + t.notSentAgain());
        }
        List<Slot> made = new ArrayList<>();
        List<ErrorDetail> failed = new ArrayList<>();
        List<String> failedSlots = new ArrayList<>();
        for (int i = 0; i < answer.data().size(); i++) {
            Item item = answer.data().get(i);
            if (item == null || (item.url() == null && item.b64Json() == null)) {
                ApiError e = item == null ? null : item.error();
                ErrorDetail d = e == null ? ErrorDetail.of("neither an image nor an error")
                        : new ErrorDetail(e.code(), e.message() == null ? "" : e.message());
                failed.add(d);
                failedSlots.add("image " + (i + 1) + ": " + t.redactor().serverText(d.toString()));
            } else {
                made.add(new Slot(i + 1, item));
            }
        }
        if (made.isEmpty()) {
            throw nothingMade(t, model, reply, answer, failed);
        }
        ProviderResult.Builder result = ProviderResult.builder();
        Integer counted = answer.usage() == null ? null : answer.usage().generatedImages();
        if (counted != null && counted != made.size()) {
            result.warning(Warning.of("usage-mismatch", "ModelArk counts " + counted + " generated images "
                    + "(usage.generated_images) but returned " + made.size() + "; the estimated charge counts the "
                    + "images stored"));
        }
        if (made.size() > call.images()) {
            result.warning(Warning.of("extra-images", "ModelArk returned " + made.size() + " images for a call that "
                    + "asked for " + (call.sequential() ? "at most " : "") + call.images() + "; only the first "
                    + call.images() + " were fetched"));
            made = made.subList(0, call.images());
        }
        if (!failed.isEmpty()) {
            result.warning(Warning.of(Warning.PARTIAL_RESULT, "ModelArk made " + made.size() + " of "
                    + answer.data().size() + " images of the set and reported the others failed: "
                    + String.join("; ", failedSlots) + ". The result holds the " + made.size() + " it made"));
        }
        return store(context, made).thenApply(lost -> {
            if (!lost.isEmpty()) {
                result.warning(Warning.of(Warning.PARTIAL_RESULT, lost.stream()
                        .map(s -> "image " + s.index() + " of the set was made, and charged, but not stored: "
                                + s.problem())
                        .collect(Collectors.joining("; "))));
            }
            return result.build();
        });
    }

    /** The exception for an answer without any image: its error, its slots' errors, or none at all. */
    private SeedreamException nothingMade(ErrorTranslator t, SeedreamModel model, HttpReply reply,
            ImagesResponse answer, List<ErrorDetail> failed) {
        List<ErrorDetail> details = new ArrayList<>();
        if (answer.error() != null) {
            details.add(new ErrorDetail(answer.error().code(), answer.error().message() == null ? ""
                    : answer.error().message()));
        }
        details.addAll(failed);
        ErrorReport report = t.report(reply, null).withDetails(details);
        if (details.isEmpty()) {
            Integer counted = answer.usage() == null ? null : answer.usage().generatedImages();
            return t.exception(ErrorKind.FAILED, report.withDetails(List.of(ErrorDetail.of("an answer without any "
                    + "image" + (counted == null ? "" : " (usage.generated_images " + counted + ")")))),
                    "try again later");
        }
        ErrorMapping.Verdict v = mappings.getOrDefault(model, ErrorMapping.none()).map(report)
                .orElse(ErrorMapping.Verdict.of(ErrorKind.FAILED, "ModelArk made no image; try again later"));
        return t.exception(v.kind(), report, v.advice());
    }

    /**
     * Stores the images in order; one that cannot be fetched or decoded is left out while others are stored, and
     * the call fails only when none is. Cancellation always ends it.
     */
    private CompletableFuture<List<Lost>> store(GenerationContext context, List<Slot> made) {
        List<Lost> lost = new ArrayList<>();
        List<ImageDownloadException> failures = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Slot slot : made) {
            chain = chain.thenCompose(v -> storeOne(context, slot).handle((ok, error) -> {
                if (error == null) {
                    return null;
                }
                Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                        : error;
                if (e instanceof ImageDownloadException d) {
                    failures.add(d);
                    lost.add(new Lost(slot.index(), d.getMessage()));
                    return null;
                }
                throw e instanceof RuntimeException re ? re : new CompletionException(e);
            }));
        }
        return chain.thenApply(v -> {
            if (lost.size() == made.size()) {
                throw failures.get(0);
            }
            return lost;
        });
    }

    private CompletableFuture<Void> storeOne(GenerationContext context, Slot slot) {
        Item item = slot.item();
        if (item.url() != null) {
            URI url;
            try {
                url = new URI(item.url().strip());
            } catch (URISyntaxException e) {
                return CompletableFuture.failedFuture(new ImageDownloadException("provider " + ID + ": image "
                        + slot.index() + " came back with a URL that is not one (" + Redactor.url(item.url()) + ")",
                        ID, null, null));
            }
            return downloader.download(context, url, null);
        }
        // decoded and checked on the thread that read the answer, as a downloaded image is: no hop to a worker
        try {
            byte[] bytes;
            try {
                bytes = item.b64Json().decode();
            } catch (IllegalArgumentException e) {
                throw new ImageDownloadException("provider " + ID + ": image " + slot.index() + " came back as "
                        + "b64_json that is not base64", ID, null, null);
            }
            context.images().store(bytes, null, null);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** An image the answer holds, with its 1-based place in {@code data}. */
    private record Slot(int index, Item item) {
    }

    /** An image that was made but could not be stored, and why. */
    private record Lost(int index, String problem) {
    }

    /** {@return where requests go and what is sent; never the key} */
    @Override
    public String toString() {
        return "ModelArkProvider[" + config + "]";
    }
}
