package io.github.seedream4j.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.http.HttpRequest;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jackson set up for provider payloads: request and response bodies are records, unknown fields are ignored (a
 * provider adding a field must not break parsing), decimals are read as {@link java.math.BigDecimal} so that a
 * reported cost such as {@code 0.113246} stays exact, and {@code null} components are not written.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private Json() {
    }

    /** {@return the shared mapper; thread-safe, do not reconfigure it} */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * A request body holding {@code value} as JSON; send it with {@code Content-Type: application/json}.
     *
     * @param value a record or another value Jackson writes, never {@code null}
     * @return the body publisher
     * @throws IllegalArgumentException if Jackson cannot write the value (a bug in the provider's records)
     */
    public static HttpRequest.BodyPublisher body(Object value) {
        Objects.requireNonNull(value, "value");
        try {
            return HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(value));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }
}
