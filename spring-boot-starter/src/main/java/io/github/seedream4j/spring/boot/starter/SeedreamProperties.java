package io.github.seedream4j.spring.boot.starter;

import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.UnsupportedOptionPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code seedream.*} properties the auto-configured {@link SeedreamClient} is built from.
 *
 * <pre>
 * seedream.provider=runpod
 * seedream.timeout=2m
 * seedream.unsupported-options=refuse
 * seedream.settings.api-key=${RUNPOD_API_KEY}
 * </pre>
 *
 * <p>Provider settings may hold secrets: {@link #toString()} names their keys only, and the starter masks their
 * values in the actuator's {@code configprops} and {@code env} endpoints.
 */
@ConfigurationProperties(prefix = SeedreamProperties.PREFIX)
public class SeedreamProperties {

    /** The prefix of every property: {@value}. */
    public static final String PREFIX = "seedream";

    /**
     * Id of the provider to use, for example runpod, cloudflare or fake. When unset, the system property
     * seedream.provider, the environment variable SEEDREAM_PROVIDER, or the only provider on the class path decides.
     */
    private String provider;

    /** Deadline of one generation. */
    private Duration timeout = Duration.ofMinutes(10);

    /**
     * What to do with a request option the provider cannot honour: WARN leaves it out and adds a warning to the
     * result; REFUSE throws before anything is sent.
     */
    private UnsupportedOptionPolicy unsupportedOptions = UnsupportedOptionPolicy.WARN;

    /** Largest image accepted from the provider. */
    private DataSize maxImageBytes = DataSize.ofMegabytes(128);

    /**
     * Settings of the chosen provider by key, for example seedream.settings.api-key for runpod. They win over the
     * provider's system properties and environment variables. Values are never logged or shown by the actuator.
     */
    private final Map<String, String> settings = new LinkedHashMap<>();

    /** {@return the provider id, or {@code null} to let discovery choose} */
    public String getProvider() {
        return provider;
    }

    /** @param provider the provider id, or {@code null} to let discovery choose */
    public void setProvider(String provider) {
        this.provider = provider;
    }

    /** {@return the deadline of one generation; {@link SeedreamClient#DEFAULT_TIMEOUT} unless set} */
    public Duration getTimeout() {
        return timeout;
    }

    /** @param timeout the deadline of one generation; must be positive */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** {@return the policy for options the provider cannot honour, {@code WARN} unless set} */
    public UnsupportedOptionPolicy getUnsupportedOptions() {
        return unsupportedOptions;
    }

    /** @param unsupportedOptions the policy for options the provider cannot honour */
    public void setUnsupportedOptions(UnsupportedOptionPolicy unsupportedOptions) {
        this.unsupportedOptions = unsupportedOptions;
    }

    /** {@return the largest image accepted, 128 MB unless set} */
    public DataSize getMaxImageBytes() {
        return maxImageBytes;
    }

    /** @param maxImageBytes the largest image accepted, at least 1 KB */
    public void setMaxImageBytes(DataSize maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
    }

    /**
     * The provider settings, bound by Spring from {@code seedream.settings.<key>}. The map is live: changes are seen
     * by clients built afterwards.
     *
     * @return the settings by key, never {@code null}; values may be secrets and must not be printed
     */
    public Map<String, String> getSettings() {
        return settings;
    }

    /** {@return the properties with the settings' keys but never their values} */
    @Override
    public String toString() {
        return "SeedreamProperties[provider=" + provider + ", timeout=" + timeout + ", unsupportedOptions="
                + unsupportedOptions + ", maxImageBytes=" + maxImageBytes + ", settings=" + settings.keySet() + "]";
    }
}
