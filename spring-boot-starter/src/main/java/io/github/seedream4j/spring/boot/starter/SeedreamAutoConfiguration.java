package io.github.seedream4j.spring.boot.starter;

import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.GenerationListener;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.micrometer.GenerationObservationConvention;
import io.github.seedream4j.micrometer.ObservingGenerationListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Auto-configures a {@link SeedreamClient} from the {@link SeedreamProperties seedream.* properties}, unless the
 * application defines its own. Every {@link GenerationListener} bean is registered on it, and so is an
 * {@link ObservingGenerationListener} when Micrometer is present with an {@link ObservationRegistry} bean.
 *
 * <p>A missing provider setting or an unusable provider choice stops the application at start-up with Spring
 * Boot's failure analysis (see {@link SeedreamFailureAnalyzer}).
 */
@AutoConfiguration(afterName = {
        // Spring Boot 3.5
        "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        // Spring Boot 4
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(SeedreamClient.class)
@EnableConfigurationProperties(SeedreamProperties.class)
public class SeedreamAutoConfiguration {

    /** The smallest image cap the client accepts. */
    private static final long MIN_IMAGE_BYTES = 1024;

    /** Creates the auto-configuration; Spring calls it. */
    public SeedreamAutoConfiguration() {
    }

    /**
     * The client, closed with the application context.
     *
     * @param properties the {@code seedream.*} properties
     * @param listeners the listener beans, registered in order
     * @param customizers the customizer beans, applied in order after the properties
     * @param context the application context, whose class loader finds the providers
     * @return the client
     * @throws ConfigurationException if a provider setting or property is missing or malformed
     * @throws io.github.seedream4j.ProviderSelectionException if no provider can be chosen
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public SeedreamClient seedreamClient(SeedreamProperties properties, ObjectProvider<GenerationListener> listeners,
            ObjectProvider<SeedreamClientBuilderCustomizer> customizers, ApplicationContext context) {
        SeedreamClient.Builder builder = SeedreamClient.builder()
                .provider(properties.getProvider())
                .settings(properties.getSettings())
                .classLoader(context.getClassLoader());
        if (properties.getUnsupportedOptions() != null) {
            builder.unsupportedOptions(properties.getUnsupportedOptions());
        }
        Duration timeout = properties.getTimeout();
        if (timeout != null) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new ConfigurationException(SeedreamProperties.PREFIX + ".timeout is " + timeout
                        + "; set a positive duration such as 2m");
            }
            builder.timeout(timeout);
        }
        DataSize maxImageBytes = properties.getMaxImageBytes();
        if (maxImageBytes != null) {
            if (maxImageBytes.toBytes() < MIN_IMAGE_BYTES) {
                throw new ConfigurationException(SeedreamProperties.PREFIX + ".max-image-bytes is " + maxImageBytes
                        + "; set at least 1KB");
            }
            builder.maxImageBytes(maxImageBytes.toBytes());
        }
        listeners.orderedStream().forEach(builder::listener);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }

    /** Records generations with Micrometer when an {@link ObservationRegistry} bean exists. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ ObservingGenerationListener.class, ObservationRegistry.class, MeterRegistry.class })
    @ConditionalOnBean(ObservationRegistry.class)
    static class ObservationConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ObservingGenerationListener seedreamObservingGenerationListener(ObservationRegistry observations,
                ObjectProvider<MeterRegistry> meters, ObjectProvider<GenerationObservationConvention> convention) {
            // without a registry bean the counters go where Micrometer's own instrumentation puts them
            return new ObservingGenerationListener(observations, meters.getIfUnique(() -> Metrics.globalRegistry),
                    convention.getIfUnique());
        }
    }

    /** Masks provider settings in the actuator's {@code configprops} and {@code env} endpoints. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class SanitizingConfiguration {

        @Bean
        SanitizingFunction seedreamSettingsSanitizingFunction() {
            return new SettingsSanitizingFunction();
        }
    }
}
