package io.github.seedream4j.spring.ai;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.SeedreamClient;
import io.github.seedream4j.provider.fake.FakeLedger;
import io.github.seedream4j.spring.boot.starter.SeedreamAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Adding the jar beside the starter gives the application an {@link ImageModel}. */
class SeedreamImageModelAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SeedreamAutoConfiguration.class,
                    SeedreamImageModelAutoConfiguration.class))
            .withPropertyValues("seedream.provider=fake");

    @Test
    void imageModel_generatesWithTheAutoConfiguredClientAndDefaultOptions() {
        runner.withPropertyValues("seedream.settings.ledger=spring-ai-auto",
                "spring.ai.seedream.image.options.width=1280", "spring.ai.seedream.image.options.height=720",
                "spring.ai.seedream.image.options.negative-prompt=blurry").run(context -> {
                    assertThat(context).hasSingleBean(ImageModel.class);

                    context.getBean(ImageModel.class).call(new ImagePrompt("a lighthouse"));

                    assertThat(FakeLedger.named("spring-ai-auto").requests()).singleElement().satisfies(r -> {
                        assertThat(r.size().toString()).isEqualTo("1280x720");
                        assertThat(r.negativePrompt()).hasValueSatisfying(
                                n -> assertThat(n.text()).isEqualTo("blurry"));
                    });
                });
    }

    @Test
    void imageModel_activeWhenSpringAiChoosesSeedream() {
        runner.withPropertyValues("spring.ai.model.image=seedream")
                .run(context -> assertThat(context).hasSingleBean(SeedreamImageModel.class));
    }

    @Test
    void imageModel_absentWhenSpringAiChoosesAnotherImageModel() {
        runner.withPropertyValues("spring.ai.model.image=openai").run(context -> assertThat(context)
                .hasSingleBean(SeedreamClient.class).doesNotHaveBean(ImageModel.class));
    }

    @Test
    void imageModel_usesTheApplicationsOwnClient() {
        runner.withPropertyValues("seedream.provider=nope")
                .withBean(SeedreamClient.class, () -> SeedreamClient.builder().provider("fake")
                        .setting("ledger", "spring-ai-own-client").build())
                .run(context -> {
                    context.getBean(ImageModel.class).call(new ImagePrompt("a lighthouse"));
                    assertThat(FakeLedger.named("spring-ai-own-client").requests()).hasSize(1);
                });
    }

    @Test
    void imageModel_backsOffWhenTheApplicationDefinesOne() {
        runner.withBean("mine", SeedreamImageModel.class,
                        () -> new SeedreamImageModel(SeedreamClient.builder().provider("fake").build()))
                .run(context -> assertThat(context).hasSingleBean(ImageModel.class)
                        .getBean(ImageModel.class).isSameAs(context.getBean("mine")));
    }
}
