package io.github.seedream4j.provider.cloudflare.internal;

import io.github.seedream4j.http.ErrorKind;
import io.github.seedream4j.http.ErrorMapping;
import io.github.seedream4j.http.ErrorMapping.Verdict;
import io.github.seedream4j.http.ErrorReport;
import io.github.seedream4j.http.ErrorTranslator;
import io.github.seedream4j.provider.cloudflare.CloudflareSettings;
import java.util.Optional;

/**
 * What Cloudflare's errors mean, as an {@link ErrorMapping} for the toolkit's translator: its internal codes (Workers
 * AI errors page, plus 10000, 2021 and the 7xxx routing codes), then the statuses where Cloudflare differs from the
 * defaults. A known code wins over the status, because Cloudflare reuses statuses: 400 means both "no such model"
 * (5007) and "invalid input" (5004).
 */
final class CloudflareErrors implements ErrorMapping {

    private static final String ID = CloudflareSettings.PROVIDER_ID;
    private static final String TOKEN = CloudflareSettings.API_TOKEN.environmentVariables().get(0) + " (setting '"
            + CloudflareSettings.API_TOKEN.name() + "')";
    static final String DASHBOARD = "the Cloudflare dashboard";

    private final String model;
    private final String accountId;
    private final String baseUrl;

    CloudflareErrors(CloudflareConfig config) {
        this.model = config.model();
        this.accountId = config.accountId();
        this.baseUrl = config.baseUrl().toString();
    }

    /** {@return the toolkit's translator with this mapping, naming the token and hiding it} */
    ErrorTranslator translator(CloudflareConfig config) {
        return ErrorTranslator.builder(ID).credential(CloudflareSettings.API_TOKEN).secrets(config.token())
                .console(DASHBOARD).notFoundAdvice(unroutable()).mapping(this).build();
    }

    @Override
    public Optional<Verdict> map(ErrorReport r) {
        for (String code : new String[] {"10000", "2021", "3040", "3036", "3007", "3008", "5007", "3042", "7000",
                "7003", "7001", "3006", "5004", "3003", "provider_unavailable"}) {
            if (r.hasCode(code)) {
                return Optional.of(byCode(code, r));
            }
        }
        return Optional.of(byStatus(r));
    }

    private Verdict byCode(String code, ErrorReport r) {
        switch (code) {
            case "10000":
                return authentication();
            case "2021":
                return credit();
            case "3040": case "3036":
                return rateLimited(r);
            case "3007": case "3008":
                return Verdict.of(ErrorKind.TIMED_OUT, "Cloudflare timed out running model '" + model + "'; try "
                        + "again, perhaps with a smaller size");
            case "5007": case "3042":
                return Verdict.of(ErrorKind.CONFIGURATION, "Cloudflare does not know model '" + model + "'; check the "
                        + "setting '" + CloudflareSettings.MODEL.name() + "' (system property "
                        + CloudflareSettings.MODEL.propertyName(ID) + "), whose default is "
                        + CloudflareSettings.MODEL.defaultValue());
            case "7000": case "7003":
                return Verdict.of(ErrorKind.CONFIGURATION, unroutable());
            case "7001":
                return Verdict.of(ErrorKind.CONFIGURATION, "Cloudflare does not accept this request at " + baseUrl
                        + "; check the setting '" + CloudflareSettings.BASE_URL.name() + "', whose default is "
                        + CloudflareSettings.BASE_URL.defaultValue());
            case "3006":
                return tooLarge();
            case "5004": case "3003":
                return invalid();
            default:
                return Verdict.of(ErrorKind.UNAVAILABLE, "Cloudflare has no provider available for model '" + model
                        + "'; nothing was generated; try again later");
        }
    }

    private Verdict byStatus(ErrorReport r) {
        int status = r.status();
        switch (status) {
            case 401:
                return authentication();
            case 402:
                return credit();
            case 403:
                return Verdict.of(ErrorKind.AUTHENTICATION, "Cloudflare refused access: the token in " + TOKEN + " or "
                        + "the account may not be allowed to use model '" + model + "'; check the token's permissions "
                        + "(Workers AI Read or Edit) and the account's access to the model");
            case 404:
                return Verdict.of(ErrorKind.CONFIGURATION, unroutable());
            case 408:
                return Verdict.of(ErrorKind.TIMED_OUT, "Cloudflare timed out running model '" + model + "'; try "
                        + "again, perhaps with a smaller size");
            case 413:
                return tooLarge();
            case 429:
                return rateLimited(r);
            case 400: case 422:
                return invalid();
            case 504:
                // a gateway gave up waiting; the model behind it may have run, and Cloudflare bills a run that finished
                return Verdict.of(ErrorKind.OUTCOME_UNKNOWN, "a gateway timed out waiting for the model, which may "
                        + "still have generated and billed the image. It was not sent again; check " + DASHBOARD
                        + " before sending the request again");
            default:
                break;
        }
        if (status >= 500) {
            return Verdict.of(ErrorKind.UNAVAILABLE, "Cloudflare could not run the request; this is a problem on "
                    + "Cloudflare's side; try again later");
        }
        return Verdict.of(ErrorKind.FAILED, status >= 200 && status < 300 ? billedNoImage()
                : "Cloudflare did not return an image; check the request and the settings");
    }

    /** {@return the advice when a 2xx answer names no image: it may have been billed} */
    static String billedNoImage() {
        return "Cloudflare did not return an image; the image may have been billed, so check " + DASHBOARD + " before "
                + "sending the request again";
    }

    /** {@return the advice when a 2xx answer cannot be read: the image was probably billed and its URL lost} */
    static String lostAnswer() {
        return "the image was probably generated and billed, but its URL is lost. It was not sent again; check "
                + DASHBOARD + " before sending the request again";
    }

    private Verdict authentication() {
        return Verdict.of(ErrorKind.AUTHENTICATION, "Cloudflare rejected the API token: check " + TOKEN + "; the token "
                + "must be valid and carry the Workers AI Read or Edit permission (an AI Gateway permission alone is not "
                + "enough)");
    }

    private Verdict credit() {
        return Verdict.of(ErrorKind.INSUFFICIENT_CREDIT, "Cloudflare refused to bill the request: model '" + model
                + "' is paid with AI Gateway Unified Billing credits, and the account has none available; load credits "
                + "in " + DASHBOARD + " (AI > AI Gateway > Credits) and try again; nothing was generated");
    }

    private Verdict rateLimited(ErrorReport r) {
        return Verdict.of(ErrorKind.RATE_LIMITED, "Cloudflare is rate limiting this account or is out of capacity for "
                + "model '" + model + "'; nothing was generated; " + ErrorTranslator.waitFor(r.retryAfter())
                + " and try again");
    }

    private Verdict tooLarge() {
        return Verdict.of(ErrorKind.INVALID_REQUEST, "Cloudflare says the request is too large; shorten the prompt");
    }

    private Verdict invalid() {
        return Verdict.of(ErrorKind.INVALID_REQUEST, "Cloudflare rejected the input for model '" + model + "'; check "
                + "the prompt and the size against the model's schema");
    }

    private String unroutable() {
        return "Cloudflare could not route the request for account id '" + accountId + "'; check the setting '"
                + CloudflareSettings.ACCOUNT_ID.name() + "' (environment variable "
                + CloudflareSettings.ACCOUNT_ID.environmentVariables().get(0) + "): it is the 32-character id shown "
                + "on the dashboard's overview page; also check the setting '" + CloudflareSettings.BASE_URL.name()
                + "' (now " + baseUrl + ")";
    }
}
