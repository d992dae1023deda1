package io.github.seedream4j.provider.runpod.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A job as Runpod reports it from {@code /runsync}, {@code /run} and {@code /status}. Unknown fields are ignored;
 * {@code output} may be an object or an array (its first element is used).
 */
record Job(String id, String status, JsonNode output, JsonNode error, Long delayMillis, Long executionMillis) {

    static Optional<Job> from(JsonNode node) {
        if (node == null || !node.isObject() || !node.hasNonNull("status") || !node.get("status").isString()) {
            return Optional.empty();
        }
        return Optional.of(new Job(text(node, "id"), node.get("status").asString().strip().toUpperCase(Locale.ROOT),
                node.get("output"), node.get("error"), number(node, "delayTime"), number(node, "executionTime")));
    }

    boolean isTerminal() {
        switch (status) {
            case "COMPLETED": case "FAILED": case "CANCELLED": case "TIMED_OUT":
                return true;
            default:
                return false;
        }
    }

    /** {@code output.image_url}, else {@code output.result}, else {@code output.image}, when a non-blank string. */
    Optional<String> imageUrl() {
        JsonNode o = firstOutput();
        for (String field : new String[] {"image_url", "result", "image"}) {
            if (o != null && o.hasNonNull(field) && o.get(field).isString() && !o.get(field).asString().isBlank()) {
                return Optional.of(o.get(field).asString().strip());
            }
        }
        return Optional.empty();
    }

    /** {@code output.cost} exactly as sent (the mapper reads floats as {@link BigDecimal}). */
    Optional<BigDecimal> cost() {
        JsonNode o = firstOutput();
        if (o == null || !o.hasNonNull("cost")) {
            return Optional.empty();
        }
        JsonNode c = o.get("cost");
        try {
            if (c.isNumber()) {
                return Optional.of(new BigDecimal(c.numberValue().toString()));
            }
            if (c.isString()) {
                return Optional.of(new BigDecimal(c.asString().strip()));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private JsonNode firstOutput() {
        if (output == null) {
            return null;
        }
        if (output.isArray()) {
            return output.isEmpty() ? null : output.get(0);
        }
        return output;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isIntegralNumber() ? v.longValue() : null;
    }
}
