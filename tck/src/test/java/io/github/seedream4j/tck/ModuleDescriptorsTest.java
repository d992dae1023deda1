package io.github.seedream4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.seedream4j.spi.ImageProviderFactory;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleDescriptorsTest {

    private static final String CORE = "io.github.seedream4j.core";

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

    @Test
    void reads_followsRequiresTransitiveOfARequiredModule() {
        // the kit's own module requires core transitively, as the http toolkit does
        ModuleDescriptor viaKit = ModuleDescriptor.newModule("com.example.viakit")
                .requires("io.github.seedream4j.tck").build();
        ModuleDescriptor direct = ModuleDescriptor.newModule("com.example.direct")
                .requires("io.github.seedream4j.core").build();
        ModuleDescriptor neither = ModuleDescriptor.newModule("com.example.neither")
                .requires("com.example.unknown").build();

        assertThat(ModuleDescriptors.reads(viaKit, CORE, loader())).isTrue();
        assertThat(ModuleDescriptors.reads(direct, CORE, loader())).isTrue();
        assertThat(ModuleDescriptors.reads(neither, CORE, loader())).isFalse();
    }

    @Test
    void assertProvidesFactory_saysWhatToRequireWhenCoreIsNotRead() {
        ModuleDescriptor d = ModuleDescriptor.newModule("com.example.acme").requires("com.example.unknown")
                .provides(ImageProviderFactory.class.getName(), List.of("com.example.acme.AcmeFactory"))
                .packages(Set.of("com.example.acme")).build();

        assertThatThrownBy(() -> ModuleDescriptors.assertProvidesFactory(d, "com.example.acme.AcmeFactory", loader()))
                .isInstanceOf(AssertionError.class)
                .hasMessage("module com.example.acme must read io.github.seedream4j.core: add 'requires "
                        + "io.github.seedream4j.core;' to its module-info.java (requiring a module that requires it "
                        + "transitively, such as io.github.seedream4j.http, is enough); it requires "
                        + "[com.example.unknown]");
    }

    private static ClassLoader loader() {
        return ModuleDescriptorsTest.class.getClassLoader();
    }
}
