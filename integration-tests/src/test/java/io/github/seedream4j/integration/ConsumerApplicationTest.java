package io.github.seedream4j.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.ImageSize;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.micrometer.ObservingGenerationListener;
import io.github.seedream4j.provider.fake.FakeLedger;
import io.github.seedream4j.spring.ai.SeedreamImageModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The application starts under the dependency management of the Spring Boot line its build imports, and generates
 * through the fake provider.
 */
@SpringBootTest(classes = ConsumerApplication.class, properties = { "seedream.provider=fake",
        "seedream.settings.ledger=consumer", "spring.ai.seedream.image.options.seed=11" })
class ConsumerApplicationTest {

    @Autowired
    private SeedreamClient client;
    @Autowired
    private ImageModel imageModel;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private ApplicationContext context;

    @Test
    void runsOnTheLinesUnderTest() {
        // each consumer build names the lines it imports
        assertThat(SpringBootVersion.getVersion()).startsWith(System.getProperty("expected.spring-boot"));
        assertThat(ImageModel.class.getPackage().getImplementationVersion())
                .startsWith(System.getProperty("expected.spring-ai"));
    }

    @Test
    void client_generatesWithTheFake() {
        GenerationResult result = client.generate(GenerationRequest.of("a lighthouse at dawn")
                .withSize(ImageSize.exact(1280, 720)));

        assertThat(result.providerId()).isEqualTo("fake");
        assertThat(result.image().resolution().toString()).isEqualTo("1280x720");
        assertThat(FakeLedger.named("consumer").requests()).isNotEmpty();
    }

    @Test
    void imageModel_isSeedreamsAndGenerates() {
        ImageResponse response = imageModel.call(new ImagePrompt("a red fox"));

        assertThat(imageModel).isInstanceOf(SeedreamImageModel.class);
        assertThat(Base64.getDecoder().decode(response.getResult().getOutput().getB64Json())).startsWith(0x89, 'P');
        assertThat((Long) response.getMetadata().get(SeedreamImageModel.SEED)).isEqualTo(11L);
    }

    @Test
    void observation_registeredWithTheActuatorsRegistries() {
        assertThat(context.getBeansOfType(ObservingGenerationListener.class)).hasSize(1);
        double before = seedreamCounts();

        client.generate(GenerationRequest.of("a lighthouse"));

        assertThat(seedreamCounts()).isGreaterThanOrEqualTo(before + 1);
    }

    /** {@return the sum of every seedream counter, so that one more image shows whatever the counters are named} */
    private double seedreamCounts() {
        return meters.getMeters().stream().filter(m -> m.getId().getName().startsWith("seedream."))
                .filter(Counter.class::isInstance).mapToDouble(m -> ((Counter) m).count()).sum();
    }
}
