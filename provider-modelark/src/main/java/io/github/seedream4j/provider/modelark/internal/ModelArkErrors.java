package io.github.seedream4j.provider.modelark.internal;

import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.http.ErrorDetail;
import io.github.seedream4j.http.ErrorKind;
import io.github.seedream4j.http.ErrorMapping;
import io.github.seedream4j.http.ErrorReport;
import io.github.seedream4j.http.ErrorTranslator;
import io.github.seedream4j.provider.modelark.ModelArkSettings;
import io.github.seedream4j.spi.Secret;
import io.github.seedream4j.spi.SettingKey;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * ByteDance's error codes ({@code {"error": {"code", "message", "type", "param"}}}, docs "Common Error Codes") read
 * into the exception family. A code decides before the HTTP status: an overdue account is a billing problem, not a
 * bad key, and refused content is a failure to change the request for, not one to try again.
 */
final class ModelArkErrors {

    private static final String ID = ModelArkSettings.PROVIDER_ID;

    private ModelArkErrors() {
    }

    /**
     * The translator for calls on {@code model} ({@code null} for messages about no model in particular), whose
     * advice names the model's setting and id.
     */
    static ErrorTranslator translator(ModelArkConfig.Catalog catalog, Secret key, SeedreamModel model) {
        return ErrorTranslator.builder(ID).credential(ModelArkSettings.API_KEY).secrets(key)
                .console(catalog.region().platform().console())
                .notFoundAdvice("check the settings '" + ModelArkSettings.REGION.name() + "' (now "
                        + catalog.region().label() + ") and '" + ModelArkSettings.BASE_URL.name() + "' (now "
                        + catalog.baseUrl() + ")")
                .mapping(mapping(catalog, model)).build();
    }

    /** The verdict for ByteDance's codes, or empty for the status defaults. */
    static ErrorMapping mapping(ModelArkConfig.Catalog catalog, SeedreamModel model) {
        Region region = catalog.region();
        String console = region.platform().console();
        return report -> {
            if (report.hasCode("AccountOverdueError")) {
                return verdict(ErrorKind.INSUFFICIENT_CREDIT, "the account is overdue: settle the bill or top up in "
                        + console + ", then try again");
            }
            if (has(report, c -> c.startsWith("InputTextSensitiveContentDetected"))) {
                return refused("change the prompt");
            }
            if (has(report, c -> c.startsWith("InputImageSensitiveContentDetected"))) {
                return refused("change or remove the reference images");
            }
            if (has(report, c -> c.startsWith("OutputImageSensitiveContentDetected")
                    || c.startsWith("OutputImageRiskDetection"))) {
                return refused("change the prompt");
            }
            if (has(report, c -> c.startsWith("SensitiveContentDetected"))) {
                return refused("change the prompt or the reference images");
            }
            if (has(report, c -> c.startsWith("RateLimitExceeded"))) {
                return verdict(ErrorKind.RATE_LIMITED, "the account reached ModelArk's rate limit for the model: "
                        + ErrorTranslator.waitFor(report.retryAfter()) + " and try again");
            }
            if (report.hasCode("AuthenticationError")) {
                return verdict(ErrorKind.AUTHENTICATION, "the API key was refused: check "
                        + ModelArkSettings.API_KEY.environmentVariables().get(0) + " (setting '"
                        + ModelArkSettings.API_KEY.name() + "'); it must be a key of " + region.platform().title()
                        + ", the platform of region " + region.label());
            }
            if (model != null) {
                SettingKey key = ModelArkConfig.MODEL_KEYS.get(model);
                String id = catalog.models().get(model);
                String named = "the setting '" + key.name() + "' (now '" + id + "')";
                if (has(report, c -> c.endsWith("ModelIDAccessDisabled"))) {
                    return verdict(ErrorKind.CONFIGURATION, "this account calls Seedream " + model + " only through "
                            + "an inference endpoint: create one in " + console + " and set " + named
                            + " to its ep-... id");
                }
                if (has(report, c -> c.equals("InvalidEndpoint.ClosedEndpoint"))) {
                    return verdict(ErrorKind.CONFIGURATION, "the endpoint is closed: start it in " + console
                            + ", or change " + named);
                }
                if (has(report, c -> c.startsWith("InvalidEndpoint") || c.startsWith("ModelNotOpen"))) {
                    return verdict(ErrorKind.CONFIGURATION, "Seedream " + model + " is not available to this account "
                            + "under that id in region " + region.label() + ": check " + named + ", and that the "
                            + "model is activated in " + console);
                }
                if (report.hasCode("AccessDenied")) {
                    return verdict(ErrorKind.AUTHENTICATION, "the API key may not use Seedream " + model + " ('" + id
                            + "'): grant it access in " + console + ", or check "
                            + ModelArkSettings.API_KEY.environmentVariables().get(0));
                }
            }
            return Optional.empty();
        };
    }

    /** Content ByteDance's filter refused: the request must change, so it is not worth sending again. */
    private static Optional<ErrorMapping.Verdict> refused(String what) {
        return verdict(ErrorKind.FAILED, "ModelArk's content filter refused it: " + what + "; the same request "
                + "fails the same way again");
    }

    private static boolean has(ErrorReport report, Predicate<String> code) {
        return report.details().stream().map(ErrorDetail::code).filter(Objects::nonNull).anyMatch(code);
    }

    private static Optional<ErrorMapping.Verdict> verdict(ErrorKind kind, String advice) {
        return Optional.of(ErrorMapping.Verdict.of(kind, advice));
    }
}
