package io.github.seedream4j.provider.fal.internal;

import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.http.ErrorDetail;
import io.github.seedream4j.http.ErrorKind;
import io.github.seedream4j.http.ErrorMapping;
import io.github.seedream4j.http.ErrorReport;
import io.github.seedream4j.http.ErrorTranslator;
import io.github.seedream4j.http.HttpReply;
import io.github.seedream4j.http.Idempotency;
import io.github.seedream4j.provider.fal.FalSettings;
import io.github.seedream4j.spi.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * fal's error answers, read into the toolkit's {@link ErrorTranslator}. fal writes them in three shapes:
 * <ul>
 *   <li>validation (HTTP 422, FastAPI's shape): {@code {"detail": [{"loc": ["body", "prompt"], "msg": "...",
 *       "type": "..."}]}}; each item becomes a detail coded by its {@code type} and prefixed by its location;</li>
 *   <li>content policy (HTTP 422): the same items with {@code "type": "content_policy_violation"} and
 *       {@code categories}, also seen as a bare array;</li>
 *   <li>request (infrastructure) errors: {@code {"detail": "Request timed out", "error_type": "request_timeout"}};
 *       {@code error_type} becomes the code.</li>
 * </ul>
 * Anything else is read the toolkit's way. Thread-safe.
 */
final class FalErrors {

    /**
     * fal's request error types that mean it gave up waiting; those that start with {@code runner_}
     * ({@code runner_scheduling_failure}, {@code runner_disconnected}, ...) mean it could not run the request (docs
     * "Request Error Types").
     */
    private static final Set<String> GAVE_UP = Set.of("request_timeout", "startup_timeout");

    static final String CONTENT_POLICY = "content_policy_violation";

    private final ErrorTranslator translator;

    FalErrors(Secret key) {
        this.translator = ErrorTranslator.builder(FalProviderFactory.ID).credential(FalSettings.API_KEY).secrets(key)
                .console("the requests page of the fal dashboard")
                .notFoundAdvice("no such endpoint at the setting 'base-url': check it (fal's queue API is "
                        + FalSettings.BASE_URL.defaultValue() + ")")
                .mapping(FalErrors::map).build();
    }

    /** {@return the toolkit's translator, with fal's mapping} */
    ErrorTranslator translator() {
        return translator;
    }

    /**
     * The exception for an answer that is not a success.
     *
     * @param reply the answer
     * @param jobId the request id it is about, or {@code null}
     * @return the exception, to throw
     */
    SeedreamException translate(HttpReply reply, String jobId) {
        return translator.translate(report(reply, jobId));
    }

    /** {@return the report of an answer, with fal's error shapes read} */
    ErrorReport report(HttpReply reply, String jobId) {
        ErrorReport report = translator.report(reply, jobId);
        List<ErrorDetail> fal = details(reply.body());
        return fal.isEmpty() ? report : report.withDetails(fal);
    }

    /**
     * The errors of a fal error body, when it has one of fal's shapes.
     *
     * @param body the body, or {@code null}
     * @return the details, empty when the body is not in one of fal's shapes
     */
    static List<ErrorDetail> details(byte[] body) {
        if (body == null || body.length == 0) {
            return List.of();
        }
        String text = new String(body, 0, Math.min(body.length, 64 * 1024), StandardCharsets.UTF_8).strip();
        if (!(text.startsWith("{") || text.startsWith("["))) {
            return List.of();
        }
        JsonNode root;
        try {
            root = io.github.seedream4j.http.Json.mapper().readTree(text);
        } catch (JacksonException e) {
            return List.of();
        }
        if (root.isArray()) {
            return items(root);
        }
        JsonNode detail = root.get("detail");
        if (detail == null) {
            return List.of();
        }
        if (detail.isArray()) {
            return items(detail);
        }
        if (detail.isString() && !detail.asString().isBlank()) {
            JsonNode type = root.get("error_type");
            return List.of(new ErrorDetail(type != null && type.isString() ? type.asString() : null,
                    detail.asString()));
        }
        return List.of();
    }

    private static List<ErrorDetail> items(JsonNode array) {
        List<ErrorDetail> out = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isObject()) {
                continue;
            }
            String msg = text(item, "msg");
            if (msg == null) {
                msg = text(item, "message");
            }
            String type = text(item, "type");
            if (msg == null && type == null) {
                continue;
            }
            StringBuilder message = new StringBuilder();
            String where = location(item.get("loc"));
            if (!where.isEmpty()) {
                message.append(where).append(": ");
            }
            message.append(msg == null ? "" : msg);
            JsonNode categories = item.get("categories");
            if (categories != null && categories.isArray() && !categories.isEmpty()) {
                List<String> names = new ArrayList<>();
                categories.forEach(c -> names.add(c.asString()));
                message.append(" (categories: ").append(String.join(", ", names)).append(')');
            }
            out.add(new ErrorDetail(type, message.toString()));
        }
        return out;
    }

    /** {@code ["body", "image_size", "width"]} becomes {@code image_size.width}. */
    private static String location(JsonNode loc) {
        if (loc == null || !loc.isArray()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode p : loc) {
            parts.add(p.asString());
        }
        if (!parts.isEmpty() && parts.get(0).equals("body")) {
            parts.remove(0);
        }
        return String.join(".", parts);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() && !v.asString().isBlank() ? v.asString() : null;
    }

    private static Optional<ErrorMapping.Verdict> map(ErrorReport r) {
        if (r.hasCode(CONTENT_POLICY)) {
            return verdict(ErrorKind.INVALID_REQUEST, "fal's content checker flagged the request: change the prompt "
                    + "or the reference images, since the same request is refused again");
        }
        if (r.status() == 403 && (r.mentions("exhausted balance") || r.mentions("top_up"))) {
            return verdict(ErrorKind.INSUFFICIENT_CREDIT, "the fal account's balance is used up: top it up in the fal "
                    + "dashboard's billing page, then try again");
        }
        if (r.status() == 403 && r.mentions("user is locked")) {
            return verdict(ErrorKind.AUTHENTICATION, "fal locked the account, and a new key does not unlock it: see "
                    + "the fal dashboard, or contact fal support");
        }
        if (r.idempotency() == Idempotency.IDEMPOTENT && r.jobId() != null) {
            // answers about a request fal accepted: its status or result
            if (r.status() == 404) {
                return verdict(ErrorKind.FAILED, "fal knows no request " + r.jobId() + " there: it expired, or was "
                        + "made with another key or base URL; send the request again");
            }
            if (r.details().stream().anyMatch(d -> d.code() != null && GAVE_UP.contains(d.code()))) {
                return verdict(ErrorKind.TIMED_OUT, "fal gave up on request " + r.jobId() + "; fal does not bill "
                        + "requests that fail with a 5xx status: send it again");
            }
            if (r.details().stream().anyMatch(d -> d.code() != null && d.code().startsWith("runner_"))) {
                return verdict(ErrorKind.UNAVAILABLE, "fal could not run request " + r.jobId() + "; fal does not "
                        + "bill requests that fail with a 5xx status: try again later");
            }
        }
        return Optional.empty();
    }

    private static Optional<ErrorMapping.Verdict> verdict(ErrorKind kind, String advice) {
        return Optional.of(ErrorMapping.Verdict.of(kind, advice));
    }

    @Override
    public String toString() {
        return "FalErrors[" + translator + "]";
    }
}
