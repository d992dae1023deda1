package io.github.seedream4j.spring.boot.starter;

import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.ProviderSelectionException;
import io.github.seedream4j.SeedreamException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link ConfigurationException} or {@link ProviderSelectionException} thrown while the application starts
 * into Spring Boot's failure-analysis report: what is wrong, and which property to set. Registered in
 * {@code META-INF/spring.factories}. The messages it reports never contain a secret.
 */
public class SeedreamFailureAnalyzer extends AbstractFailureAnalyzer<SeedreamException> {

    /** How core names a required setting that has no value. */
    private static final Pattern MISSING_SETTING = Pattern.compile("needs setting '([^']+)'");

    /** Creates the analyzer; Spring Boot calls it. */
    public SeedreamFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SeedreamException cause) {
        if (cause instanceof ConfigurationException && cause.getMessage().startsWith(SeedreamProperties.PREFIX + ".")) {
            return new FailureAnalysis("seedream4j could not configure its client: " + cause.getMessage(),
                    "Fix the property named above in the application's configuration.", cause);
        }
        if (cause instanceof ConfigurationException) {
            Matcher missing = MISSING_SETTING.matcher(cause.getMessage());
            String action;
            if (missing.find()) {
                String property = SeedreamProperties.PREFIX + ".settings." + missing.group(1);
                action = "Set " + property + " in the application's configuration (keep a secret in an environment "
                        + "variable: " + property + "=${MY_VARIABLE}), or set the system property or environment "
                        + "variable named above.";
            } else {
                action = "Set the setting named above as " + SeedreamProperties.PREFIX + ".settings.<key> in the "
                        + "application's configuration, or with the system property or environment variable it "
                        + "names; remove " + SeedreamProperties.PREFIX + ".settings entries the provider does not "
                        + "have.";
            }
            return new FailureAnalysis("seedream4j could not configure its client: " + cause.getMessage(), action,
                    cause);
        }
        if (cause instanceof ProviderSelectionException) {
            return new FailureAnalysis("seedream4j could not choose a provider: " + cause.getMessage(),
                    "Add the provider's artifact (for example io.github.seedream4j:seedream4j-provider-runpod) to the "
                            + "application's dependencies, or name one of the providers present with "
                            + SeedreamProperties.PREFIX + ".provider=<id>.",
                    cause);
        }
        return null;
    }
}
