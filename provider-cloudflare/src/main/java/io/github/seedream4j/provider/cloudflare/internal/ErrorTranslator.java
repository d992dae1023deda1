package io.github.seedream4j.provider.cloudflare.internal;

import io.github.seedream4j.AuthenticationException;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.InsufficientCreditException;
import io.github.seedream4j.InvalidRequestException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.RateLimitedException;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.provider.cloudflare.CloudflareSettings;
import io.github.seedream4j.provider.cloudflare.internal.RunOutcome.ApiError;
import io.github.seedream4j.spi.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Maps Cloudflare's HTTP statuses and internal error codes (Workers AI errors page, plus 10000, 2021 and the
 * 7xxx routing codes) to the exception family, with messages that say which setting to check. A known code wins
 * over the status, because Cloudflare reuses statuses: 400 means both "no such model" (5007) and "invalid input"
 * (5004).
 */
final class ErrorTranslator {

    private static final String ID = CloudflareSettings.PROVIDER_ID;
    private static final int MAX_SERVER_TEXT = 300;

    private final String accountId;
    private final String model;
    private final String baseUrl;
    private final Secret token;

    ErrorTranslator(String accountId, String model, String baseUrl, Secret token) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.model = Objects.requireNonNull(model, "model");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.token = Objects.requireNonNull(token, "token");
    }

    /**
     * The exception for a response that was not a completed run.
     *
     * @param status the HTTP status
     * @param outcome the parsed body: {@link RunOutcome.Failed}, {@link RunOutcome.NoImage} or
     *     {@link RunOutcome.Unreadable}
     * @param retryAfter what {@code Retry-After} asked for, or {@code null}
     */
    SeedreamException translate(int status, RunOutcome outcome, Duration retryAfter) {
        List<ApiError> errors = outcome instanceof RunOutcome.Failed ? ((RunOutcome.Failed) outcome).errors() : List.of();
        String what = "HTTP " + status + (errors.isEmpty() ? "" : ", " + describe(errors));
        if (outcome instanceof RunOutcome.Unreadable) {
            what += "; " + ((RunOutcome.Unreadable) outcome).reason();
        } else if (outcome instanceof RunOutcome.NoImage) {
            what += "; " + ((RunOutcome.NoImage) outcome).reason();
        }
        for (ApiError e : errors) {
            SeedreamException known = byCode(e, what, retryAfter);
            if (known != null) {
                return known;
            }
        }
        return byStatus(status, outcome, what, retryAfter);
    }

    private SeedreamException byCode(ApiError e, String what, Duration retryAfter) {
        switch (e.numericCode()) {
            case 10000:
                return authentication(what);
            case 2021:
                return credit(what);
            case 3040:
            case 3036:
                return rateLimited(what, retryAfter);
            case 3007:
            case 3008:
                return timeout(what);
            case 5007:
            case 3042:
                return unknownModel(what);
            case 7000:
            case 7003:
                return unroutable(what);
            case 7001:
                return new ConfigurationException("Cloudflare does not accept this request at " + baseUrl + " (" + what
                        + "); check the setting '" + CloudflareSettings.BASE_URL.name() + "', whose default is "
                        + CloudflareSettings.BASE_URL.defaultValue(), ID, null, null);
            case 3006:
                return tooLarge(what);
            case 5004:
            case 3003:
                return invalid(what);
            default:
                break;
        }
        if ("provider_unavailable".equals(e.code())) {
            return new ProviderUnavailableException("Cloudflare has no provider available for model '" + model + "' ("
                    + what + "); nothing was generated; try again later", ID, null, null);
        }
        return null;
    }

    private SeedreamException byStatus(int status, RunOutcome outcome, String what, Duration retryAfter) {
        if (status == 401) {
            return authentication(what);
        }
        if (status == 402) {
            return credit(what);
        }
        if (status == 403) {
            return new AuthenticationException("Cloudflare refused access (" + what + "): the token in "
                    + tokenVariable() + " or the account may not be allowed to use model '" + model
                    + "'; check the token's permissions (Workers AI Read or Edit) and the account's access to the model",
                    ID, null, null);
        }
        if (status == 404) {
            return unroutable(what);
        }
        if (status == 408) {
            return timeout(what);
        }
        if (status == 413) {
            return tooLarge(what);
        }
        if (status == 429) {
            return rateLimited(what, retryAfter);
        }
        if (status == 400 || status == 422) {
            return invalid(what);
        }
        if (status == 504) {
            // a gateway gave up waiting; the model behind it may have run, and Cloudflare bills a run that finished
            return new OutcomeUnknownException("Cloudflare answered " + what + "; a gateway timed out waiting for the "
                    + "model, which may still have generated and billed the image. It was not sent again; check the "
                    + "Cloudflare dashboard before sending the request again", ID, null, null);
        }
        if (status >= 500) {
            return new ProviderUnavailableException("Cloudflare could not run the request (" + what
                    + "); this is a problem on Cloudflare's side; try again later", ID, null, null);
        }
        boolean ok = status >= 200 && status < 300;
        if (ok && outcome instanceof RunOutcome.Unreadable) {
            // Cloudflare answers only when the run is over, so a 2xx whose body cannot be read is a lost image URL
            return new OutcomeUnknownException("Cloudflare answered " + what + "; the image was probably generated and "
                    + "billed, but its URL is lost. It was not sent again; check the Cloudflare dashboard before "
                    + "sending the request again", ID, null, null);
        }
        String next = ok
                ? "; the image may have been billed, so check the Cloudflare dashboard before sending the request again"
                : "; check the request and the settings";
        return new GenerationFailedException("Cloudflare did not return an image (" + what + ")" + next, ID, null, null);
    }

    private AuthenticationException authentication(String what) {
        return new AuthenticationException("Cloudflare rejected the API token (" + what + "): check " + tokenVariable()
                + "; the token must be valid and carry the Workers AI Read or Edit permission (an AI Gateway "
                + "permission alone is not enough)", ID, null, null);
    }

    private InsufficientCreditException credit(String what) {
        return new InsufficientCreditException("Cloudflare refused to bill the request (" + what + "): model '" + model
                + "' is paid with AI Gateway Unified Billing credits, and the account has none available; load credits "
                + "in the Cloudflare dashboard (AI > AI Gateway > Credits) and try again; nothing was generated",
                ID, null, null);
    }

    private RateLimitedException rateLimited(String what, Duration retryAfter) {
        String wait = retryAfter == null ? "wait a little" : "wait at least " + seconds(retryAfter) + "s";
        return new RateLimitedException("Cloudflare is rate limiting this account or is out of capacity for model '"
                + model + "' (" + what + "); nothing was generated; " + wait + " and try again", ID, retryAfter, null);
    }

    private GenerationTimeoutException timeout(String what) {
        return new GenerationTimeoutException("Cloudflare timed out running model '" + model + "' (" + what
                + "); try again, perhaps with a smaller size", ID, null, null);
    }

    private ConfigurationException unknownModel(String what) {
        return new ConfigurationException("Cloudflare does not know model '" + model + "' (" + what
                + "); check the setting '" + CloudflareSettings.MODEL.name() + "' (system property "
                + CloudflareSettings.MODEL.propertyName(ID) + "), whose default is "
                + CloudflareSettings.MODEL.defaultValue(), ID, null, null);
    }

    private ConfigurationException unroutable(String what) {
        return new ConfigurationException("Cloudflare could not route the request for account id '" + accountId + "' ("
                + what + "); check the setting '" + CloudflareSettings.ACCOUNT_ID.name() + "' (environment variable "
                + CloudflareSettings.ACCOUNT_ID.environmentVariables().get(0) + "): it is the 32-character id shown "
                + "on the dashboard's overview page; also check the setting '" + CloudflareSettings.BASE_URL.name()
                + "' (now " + baseUrl + ")", ID, null, null);
    }

    private InvalidRequestException tooLarge(String what) {
        return new InvalidRequestException("Cloudflare says the request is too large (" + what
                + "); shorten the prompt", ID, null, null);
    }

    private InvalidRequestException invalid(String what) {
        return new InvalidRequestException("Cloudflare rejected the input for model '" + model + "' (" + what
                + "); check the prompt and the size against the model's schema", ID, null, null);
    }

    private static String tokenVariable() {
        return CloudflareSettings.API_TOKEN.environmentVariables().get(0) + " (setting '"
                + CloudflareSettings.API_TOKEN.name() + "')";
    }

    private String describe(List<ApiError> errors) {
        return errors.stream().map(e -> scrub(e.toString())).collect(Collectors.joining("; "));
    }

    /** Server text goes into messages shortened, on one line, and without the token should it echo it. */
    String scrub(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        if (token.occursIn(t)) {
            t = t.replace(token.reveal(), "****");
        }
        return t.length() <= MAX_SERVER_TEXT ? t : t.substring(0, MAX_SERVER_TEXT) + "...";
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
