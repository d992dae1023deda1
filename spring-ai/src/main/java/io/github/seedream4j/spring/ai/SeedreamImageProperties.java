package io.github.seedream4j.spring.ai;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code spring.ai.seedream.image.*} properties: default options of the auto-configured
 * {@link SeedreamImageModel}, which each prompt's options override. The client itself is configured with
 * {@code seedream.*}.
 *
 * <pre>
 * spring.ai.seedream.image.options.width=2048
 * spring.ai.seedream.image.options.height=1152
 * spring.ai.seedream.image.options.seed=7
 * </pre>
 */
@ConfigurationProperties(prefix = SeedreamImageProperties.PREFIX)
public class SeedreamImageProperties {

    /** The prefix of every property: {@value}. */
    public static final String PREFIX = "spring.ai.seedream.image";

    /** Default options of every image prompt. */
    @NestedConfigurationProperty
    private final SeedreamImageOptions options = new SeedreamImageOptions();

    /** Creates properties with no default options. */
    public SeedreamImageProperties() {
    }

    /** {@return the default options, bound by Spring; never {@code null}} */
    public SeedreamImageOptions getOptions() {
        return options;
    }
}
