package io.github.seedream4j.spring.boot.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.GenerationCancelledException;
import io.github.seedream4j.GenerationEvent;
import io.github.seedream4j.GenerationListener;
import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.GenerationResult;
import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.UnsupportedOptionException;
import io.github.seedream4j.UnsupportedOptionPolicy;
import io.github.seedream4j.micrometer.ObservingGenerationListener;
import io.github.seedream4j.provider.fake.FakeLedger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.Order;

/** The auto-configured client, on the fake provider. */
class SeedreamAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SeedreamAutoConfiguration.class));

    @Test
    void client_isBuiltFromTheProperties() {
        runner.withPropertyValues("seedream.provider=fake", "seedream.timeout=30s",
                "seedream.unsupported-options=refuse", "seedream.settings.ledger=starter-properties")
                .run(context -> {
                    assertThat(context).hasSingleBean(SeedreamClient.class);
                    SeedreamClient client = context.getBean(SeedreamClient.class);
                    assertThat(client.providerId()).isEqualTo("fake");
                    assertThat(client.unsupportedOptionPolicy()).isEqualTo(UnsupportedOptionPolicy.REFUSE);
                    assertThat(client).hasToString("SeedreamClient[provider=fake, policy=REFUSE, timeout=PT30S]");

                    GenerationResult result = client.generate(GenerationRequest.of("a lighthouse").withSize(
                            io.github.seedream4j.ImageSize.exact(1024, 1024)));

                    assertThat(result.image().resolution().width()).isEqualTo(1024);
                    assertThat(FakeLedger.named("starter-properties").requests()).hasSize(1);
                });
    }

    @Test
    void client_hasTheCoreDefaultsWithoutProperties() {
        runner.withPropertyValues("seedream.provider=fake").run(context -> {
            SeedreamClient client = context.getBean(SeedreamClient.class);
            assertThat(client).hasToString("SeedreamClient[provider=fake, policy=WARN, timeout=PT10M]");
        });
    }

    @Test
    void client_backsOffWhenTheApplicationDefinesOne() {
        runner.withPropertyValues("seedream.provider=nope")
                .withBean("mine", SeedreamClient.class, () -> SeedreamClient.builder().provider("fake").build())
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(SeedreamClient.class)
                        .getBean(SeedreamClient.class).isSameAs(context.getBean("mine")));
    }

    @Test
    void client_isClosedWithTheContext() {
        SeedreamClient[] client = new SeedreamClient[1];
        runner.withPropertyValues("seedream.provider=fake")
                .run(context -> client[0] = context.getBean(SeedreamClient.class));

        assertThatThrownBy(() -> client[0].generate(GenerationRequest.of("a lighthouse")))
                .isInstanceOf(GenerationCancelledException.class)
                .hasMessage("this client for provider fake is closed; build a new one");
    }

    @Test
    void client_registersListenerBeansAndAppliesCustomizersInOrder() {
        List<String> seen = new CopyOnWriteArrayList<>();
        runner.withPropertyValues("seedream.provider=fake")
                .withBean(RecordingListener.class, () -> new RecordingListener(seen))
                .withBean("second", SeedreamClientBuilderCustomizer.class,
                        () -> new SecondCustomizer(seen))
                .withBean("first", SeedreamClientBuilderCustomizer.class, () -> new FirstCustomizer(seen))
                .run(context -> {
                    assertThat(seen).containsExactly("first", "second");
                    context.getBean(SeedreamClient.class).generate(GenerationRequest.of("a lighthouse"));
                    assertThat(seen).contains("event Validated", "event Completed");
                    assertThat(FakeLedger.named("from-customizer").requests()).hasSize(1);
                });
    }

    @Test
    void policy_refuseMakesTheClientThrowForAnOptionTheProviderCannotHonour() {
        runner.withPropertyValues("seedream.provider=fake", "seedream.unsupported-options=REFUSE").run(context -> {
            SeedreamClient client = context.getBean(SeedreamClient.class);
            GenerationRequest request = GenerationRequest.builder("a lighthouse").extra("no-such-option", 1).build();
            assertThatThrownBy(() -> client.generate(request)).isInstanceOf(UnsupportedOptionException.class);
        });
    }

    @Test
    void observation_recordedWhenAnObservationRegistryBeanExists() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        runner.withPropertyValues("seedream.provider=fake")
                .withBean(ObservationRegistry.class, () -> observations)
                .withBean(MeterRegistry.class, () -> meters)
                .run(context -> {
                    assertThat(context).hasSingleBean(ObservingGenerationListener.class);
                    context.getBean(SeedreamClient.class).generate(GenerationRequest.of("a lighthouse"));
                    TestObservationRegistryAssert.assertThat(observations).hasNumberOfObservationsEqualTo(1)
                            .hasSingleObservationThat().hasBeenStarted().hasBeenStopped();
                    assertThat(meters.getMeters()).isNotEmpty();
                });
    }

    @Test
    void observation_notRecordedWithoutAnObservationRegistryBean() {
        runner.withPropertyValues("seedream.provider=fake")
                .run(context -> assertThat(context).hasSingleBean(SeedreamClient.class)
                        .doesNotHaveBean(ObservingGenerationListener.class));
    }

    @Test
    void observation_notRecordedWithoutTheMicrometerModule() {
        runner.withPropertyValues("seedream.provider=fake")
                .withBean(ObservationRegistry.class, TestObservationRegistry::create)
                .withClassLoader(new FilteredClassLoader(ObservingGenerationListener.class))
                .run(context -> assertThat(context).hasSingleBean(SeedreamClient.class)
                        .doesNotHaveBean(ObservingGenerationListener.class));
    }

    @Test
    void properties_toStringNamesSettingsButNeverTheirValues() {
        runner.withPropertyValues("seedream.provider=fake", "seedream.settings.price=0.03/image",
                "seedream.settings.ledger=top-secret-value").run(context -> {
                    SeedreamProperties properties = context.getBean(SeedreamProperties.class);
                    assertThat(properties.getSettings()).containsEntry("ledger", "top-secret-value");
                    assertThat(properties).hasToString("SeedreamProperties[provider=fake, timeout=PT10M, "
                            + "unsupportedOptions=WARN, maxImageBytes=134217728B, settings=[price, ledger]]");
                });
    }

    static final class RecordingListener implements GenerationListener {
        private final List<String> seen;

        RecordingListener(List<String> seen) {
            this.seen = seen;
        }

        @Override
        public void onEvent(GenerationEvent event) {
            seen.add("event " + event.getClass().getSimpleName());
        }
    }

    @Order(1)
    static final class FirstCustomizer implements SeedreamClientBuilderCustomizer {
        private final List<String> seen;

        FirstCustomizer(List<String> seen) {
            this.seen = seen;
        }

        @Override
        public void customize(SeedreamClient.Builder builder) {
            seen.add("first");
            builder.setting("ledger", "from-customizer");
        }
    }

    @Order(2)
    static final class SecondCustomizer implements SeedreamClientBuilderCustomizer {
        private final List<String> seen;

        SecondCustomizer(List<String> seen) {
            this.seen = seen;
        }

        @Override
        public void customize(SeedreamClient.Builder builder) {
            seen.add("second");
        }
    }
}
