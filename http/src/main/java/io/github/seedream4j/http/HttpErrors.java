package io.github.seedream4j.http;

import feign.Response;
import io.github.seedream4j.AuthenticationException;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.InsufficientCreditException;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.RateLimitedException;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.spi.Secret;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns an HTTP error status and its body into the {@link SeedreamException} family, with the provider's own
 * message when the body has one: JSON {@code error} (a string or an object with {@code message}), {@code message},
 * or {@code errors[0].message}; otherwise the text itself, with HTML pages summarised by their title. Text that came
 * back from the server is scrubbed of the API key before it goes into a message. Thread-safe.
 */
public final class HttpErrors {

    /** The most characters of a body put into a message. */
    public static final int MAX_MESSAGE_CHARS = 300;
    /** The most characters of a body read. */
    public static final int MAX_BODY_CHARS = 64 * 1024;

    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final String providerId;
    private final String keyVariable;
    private final Secret secret;
    private final ObjectMapper mapper;

    /**
     * @param providerId the provider, for messages
     * @param keyVariable the environment variable of the API key, named in authentication errors
     * @param secret the API key, scrubbed from every message
     * @param mapper reads JSON bodies
     */
    public HttpErrors(String providerId, String keyVariable, Secret secret, ObjectMapper mapper) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.keyVariable = Objects.requireNonNull(keyVariable, "keyVariable");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * The exception for an error response.
     *
     * @param what the request, for example {@code "POST /seedream-v4-t2i/runsync"}
     * @param status the HTTP status, 400 or more
     * @param body the body as text, or {@code null}
     * @param retryAfter the wait the server asked for, or {@code null}
     * @param jobId the provider's job id when one is known, or {@code null}
     * @param notFound what a 404 means here and what to do, for example {@code "endpoint 'x' does not exist;
     *        check the endpoint setting"}
     */
    public SeedreamException translate(String what, int status, String body, Duration retryAfter, String jobId,
            String notFound) {
        String said = describe(body);
        String head = "provider " + providerId + ": " + what + " answered HTTP " + status + said;
        switch (status) {
            case 400:
            case 422:
                return new InvalidRequestException(head + "; change the request and send it again", providerId, jobId,
                        null);
            case 401:
            case 403:
                return new AuthenticationException(head + "; the API key was refused: check " + keyVariable
                        + " (a valid key with access to this endpoint)", providerId, jobId, null);
            case 402:
                return new InsufficientCreditException(head + "; the account has no credit left: add credit and try "
                        + "again", providerId, jobId, null);
            case 404:
                return new ConfigurationException(head + "; " + (notFound == null ? "check the base URL" : notFound),
                        providerId, jobId, null);
            case 408:
                return new ProviderUnavailableException(head + "; the provider timed out reading the request: try "
                        + "again later", providerId, jobId, null);
            case 429:
                return new RateLimitedException(head + "; the account is rate limited: wait"
                        + (retryAfter == null ? "" : " at least " + retryAfter.toSeconds() + "s") + " and try again",
                        providerId, retryAfter, null);
            default:
                if (status >= 500) {
                    return new ProviderUnavailableException(head + "; the provider has a problem: try again later",
                            providerId, jobId, null);
                }
                return new InvalidRequestException(head + "; the provider refused the request", providerId, jobId,
                        null);
        }
    }

    /**
     * {@code ": <provider message>"} for a body, or empty text when there is nothing to say. Scrubbed and
     * shortened.
     */
    public String describe(String body) {
        return message(body).map(m -> ": " + m).orElse("");
    }

    /** The provider's message in {@code body}, scrubbed and at most {@link #MAX_MESSAGE_CHARS} long. */
    public Optional<String> message(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        String text = body.strip();
        String found = null;
        if (text.startsWith("{") || text.startsWith("[")) {
            found = jsonMessage(text).orElse(null);
        } else if (text.startsWith("<") || text.toLowerCase(Locale.ROOT).contains("<html")) {
            Matcher m = TITLE.matcher(text);
            String title = m.find() ? m.group(1).strip() : null;
            found = "an HTML page" + (title == null || title.isEmpty() ? "" : " titled '" + title + "'") + " ("
                    + text.length() + " characters)";
        }
        return Optional.of(shorten(scrub(found == null ? text : found)));
    }

    /** The message in a JSON body: {@code error}, {@code error.message}, {@code message} or {@code errors[0].message}. */
    public Optional<String> jsonMessage(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            return jsonMessage(node);
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    /** The message in a JSON node: {@code error}, {@code error.message}, {@code message} or {@code errors[0].message}. */
    public static Optional<String> jsonMessage(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        JsonNode error = node.get("error");
        if (error != null && error.isString() && !error.asString().isBlank()) {
            return Optional.of(error.asString());
        }
        if (error != null && error.isObject() && error.has("message")) {
            return Optional.of(error.get("message").asString());
        }
        JsonNode message = node.get("message");
        if (message != null && message.isString() && !message.asString().isBlank()) {
            return Optional.of(message.asString());
        }
        JsonNode errors = node.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty() && errors.get(0).has("message")) {
            return Optional.of(errors.get(0).get("message").asString());
        }
        return Optional.empty();
    }

    /**
     * A text with every occurrence of the API key replaced by {@code ****}. Used on everything that came back
     * from a server before it goes into a message or a log.
     */
    public String scrub(String text) {
        if (text == null || !secret.occursIn(text)) {
            return text;
        }
        return text.replace(secret.reveal(), "****");
    }

    /** Reads at most {@link #MAX_BODY_CHARS} characters of a response body as UTF-8; never throws. Closes it. */
    public static String bodyText(Response response) {
        try (response) {
            if (response.body() == null) {
                return "";
            }
            try (Reader reader = response.body().asReader(StandardCharsets.UTF_8)) {
                StringBuilder out = new StringBuilder();
                char[] buf = new char[8192];
                for (int n; out.length() < MAX_BODY_CHARS && (n = reader.read(buf)) > 0; ) {
                    out.append(buf, 0, Math.min(n, MAX_BODY_CHARS - out.length()));
                }
                return out.toString();
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String shorten(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() <= MAX_MESSAGE_CHARS ? one : one.substring(0, MAX_MESSAGE_CHARS - 3) + "...";
    }
}
