package io.github.seedream4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.spi.ImageProviderFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleDescriptorsTest {

    @Test
    void descriptor_readsCoreFromItsClassesOrJar() {
        Path core = ModuleDescriptors.locationOf(ImageProviderFactory.class);

        assertThat(ModuleDescriptors.descriptor(core).uses()).contains(ImageProviderFactory.class.getName());
    }

    @Test
    void assertProvidesFactory_failsWhenTheModuleProvidesNothing() {
        Path core = ModuleDescriptors.locationOf(ImageProviderFactory.class);

        assertThatThrownBy(() -> ModuleDescriptors.assertProvidesFactory(core, "com.acme.AcmeProviderFactory"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("module io.github.seedream4j.core must declare 'provides "
                        + ImageProviderFactory.class.getName() + " with com.acme.AcmeProviderFactory;'");
    }

    @Test
    void descriptor_failsForAClassesDirectoryWithoutModuleInfo(@TempDir Path dir) {
        assertThatThrownBy(() -> ModuleDescriptors.descriptor(dir)).isInstanceOf(AssertionError.class)
                .hasMessage(dir + " has no module-info.class: add src/main/java/module-info.java with 'provides "
                        + ImageProviderFactory.class.getName() + " with <your factory>;' so the module path finds "
                        + "the provider");
    }
}
