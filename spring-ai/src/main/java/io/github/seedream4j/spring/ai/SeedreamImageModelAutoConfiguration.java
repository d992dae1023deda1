package io.github.seedream4j.spring.ai;

import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.spring.boot.starter.SeedreamAutoConfiguration;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.model.SpringAIModelProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures a Spring AI {@link ImageModel} over the application's {@link SeedreamClient} (the starter's, or
 * the application's own). As with Spring AI's own image models, {@code spring.ai.model.image} chooses between several:
 * this one is active when it is {@value #SEEDREAM} or unset.
 */
@AutoConfiguration(after = SeedreamAutoConfiguration.class)
@ConditionalOnClass({ ImageModel.class, SeedreamClient.class })
@ConditionalOnProperty(name = SpringAIModelProperties.IMAGE_MODEL, havingValue = SeedreamImageModelAutoConfiguration.SEEDREAM,
        matchIfMissing = true)
@EnableConfigurationProperties(SeedreamImageProperties.class)
public class SeedreamImageModelAutoConfiguration {

    /** The value of {@code spring.ai.model.image} that chooses this model: {@value}. */
    public static final String SEEDREAM = "seedream";

    /** Creates the auto-configuration; Spring calls it. */
    public SeedreamImageModelAutoConfiguration() {
    }

    /**
     * The image model.
     *
     * @param client the application's client
     * @param properties the default options
     * @return the image model
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(SeedreamClient.class)
    public SeedreamImageModel seedreamImageModel(SeedreamClient client, SeedreamImageProperties properties) {
        return new SeedreamImageModel(client, properties.getOptions());
    }
}
