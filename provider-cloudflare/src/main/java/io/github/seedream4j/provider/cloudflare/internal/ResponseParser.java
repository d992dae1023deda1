package io.github.seedream4j.provider.cloudflare.internal;

import io.github.seedream4j.provider.cloudflare.internal.RunOutcome.ApiError;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the two documented response shapes of {@code /ai/run}: the model page's {@code {state, result,
 * gatewayMetadata}} and Cloudflare's v4 envelope {@code {success, errors, messages, result}}, which may wrap the
 * first again. Reads a tree rather than binding records, because error codes are numbers in one shape and strings
 * in the other, and unknown keys must never break parsing.
 */
final class ResponseParser {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ResponseParser() {
    }

    static RunOutcome parse(byte[] body) {
        if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return new RunOutcome.Unreadable("the body is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return new RunOutcome.Unreadable("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            return new RunOutcome.Unreadable("the body is JSON but not an object");
        }
        return read(root, true);
    }

    private static RunOutcome read(JsonNode node, boolean outermost) {
        boolean envelope = node.has("success") || node.has("errors");
        if (envelope) {
            List<ApiError> errors = errors(node.get("errors"));
            JsonNode success = node.get("success");
            if (success != null && success.isBoolean() && !success.booleanValue() && errors.isEmpty()) {
                errors = List.of(new ApiError(null, "success is false and no error was given"));
            }
            if (!errors.isEmpty()) {
                return new RunOutcome.Failed(errors);
            }
            JsonNode result = node.get("result");
            if (outermost && result != null && result.isObject() && result.has("state")) {
                return read(result, false);
            }
            return result(result, null);
        }
        if (node.has("state")) {
            String state = text(node.get("state"));
            JsonNode error = node.get("error");
            if ("failed".equals(state.toLowerCase(Locale.ROOT)) || (error != null && !error.isNull())) {
                return new RunOutcome.Failed(List.of(error(error, state)));
            }
            if (!"completed".equals(state.toLowerCase(Locale.ROOT))) {
                return new RunOutcome.Unreadable("the run is in state '" + state + "', not Completed");
            }
            return result(node.get("result"), node.path("gatewayMetadata").path("keySource"));
        }
        JsonNode error = node.get("error");
        if (error != null && !error.isNull()) {
            return new RunOutcome.Failed(List.of(error(error, null)));
        }
        if (node.has("result")) {
            return result(node.get("result"), null);
        }
        return new RunOutcome.Unreadable("the body has neither 'state' nor 'result'");
    }

    private static RunOutcome result(JsonNode result, JsonNode keySource) {
        if (result == null || !result.isObject()) {
            return new RunOutcome.NoImage("the body has no 'result' object");
        }
        List<URI> urls = new ArrayList<>();
        JsonNode image = result.get("image");
        if (image != null && image.isString()) {
            URI u = url(image.asString());
            if (u == null) {
                return new RunOutcome.Unreadable("'result.image' is not an http(s) URL");
            }
            urls.add(u);
        }
        JsonNode images = result.get("images");
        if (images != null && images.isArray()) {
            for (JsonNode each : images) {
                URI u = each.isString() ? url(each.asString()) : null;
                if (u == null) {
                    return new RunOutcome.Unreadable("'result.images' holds an entry that is not an http(s) URL");
                }
                urls.add(u);
            }
        }
        if (urls.isEmpty()) {
            return new RunOutcome.NoImage("'result' holds neither 'image' nor 'images'");
        }
        String source = keySource != null && keySource.isString() ? keySource.asString() : null;
        return new RunOutcome.Completed(urls, source);
    }

    private static List<ApiError> errors(JsonNode errors) {
        List<ApiError> list = new ArrayList<>();
        if (errors != null && errors.isArray()) {
            for (JsonNode e : errors) {
                list.add(error(e, null));
            }
        }
        return list;
    }

    private static ApiError error(JsonNode e, String state) {
        if (e == null || e.isNull()) {
            return new ApiError(null, "the run is in state '" + state + "' and no error was given");
        }
        if (e.isString()) {
            return new ApiError(null, e.asString());
        }
        JsonNode code = e.get("code");
        String c = code == null || code.isNull() ? null : code.isValueNode() ? code.asString() : code.toString();
        return new ApiError(c, text(e.get("message")));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.isValueNode() ? n.asString() : n.toString();
    }

    private static URI url(String text) {
        try {
            URI u = new URI(text.strip());
            String scheme = u.getScheme();
            if (scheme == null || u.getHost() == null
                    || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
                return null;
            }
            return u;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
