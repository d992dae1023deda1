package io.github.seedream4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.seedream4j.spi.ImageProviderFactory;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a provider's module descriptor without starting a module layer: {@link ModuleFinder#of} reads
 * {@code module-info.class} from a jar or a classes directory, which is enough to prove that the module path will
 * find the provider. Stateless and thread-safe.
 */
public final class ModuleDescriptors {

    private ModuleDescriptors() {
    }

    /**
     * The jar or classes directory that {@code type} was loaded from.
     *
     * @throws IllegalStateException if the class has no code source (for example a JDK class)
     */
    public static Path locationOf(Class<?> type) {
        Objects.requireNonNull(type, "type");
        var source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException(type.getName() + " has no code source to read a module descriptor from");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("code source of " + type.getName() + " is not a file: "
                    + source.getLocation(), e);
        }
    }

    /**
     * The descriptor of the one explicit module in {@code jarOrClassesDir}; fails the test when there is none or it
     * is automatic (no {@code module-info.class}).
     */
    public static ModuleDescriptor descriptor(Path jarOrClassesDir) {
        Objects.requireNonNull(jarOrClassesDir, "jarOrClassesDir");
        if (!Files.exists(jarOrClassesDir)) {
            fail(jarOrClassesDir + " does not exist; build the provider's classes or jar first");
        }
        if (Files.isDirectory(jarOrClassesDir) && !Files.exists(jarOrClassesDir.resolve("module-info.class"))) {
            fail(jarOrClassesDir + " has no module-info.class: add src/main/java/module-info.java with "
                    + "'provides " + ImageProviderFactory.class.getName() + " with <your factory>;' so the module "
                    + "path finds the provider");
        }
        Set<ModuleReference> found;
        try {
            found = ModuleFinder.of(jarOrClassesDir).findAll();
        } catch (FindException e) {
            throw new AssertionError(jarOrClassesDir + " is not a readable module: " + e.getMessage(), e);
        }
        if (found.size() != 1) {
            fail(jarOrClassesDir + " holds " + found.size() + " modules; expected exactly one");
        }
        ModuleDescriptor descriptor = found.iterator().next().descriptor();
        if (descriptor.isAutomatic()) {
            fail(jarOrClassesDir + " is an automatic module " + descriptor.name() + ": automatic modules cannot "
                    + "declare 'provides', so ServiceLoader on the module path will not find the provider; add "
                    + "module-info.java");
        }
        return descriptor;
    }

    /**
     * Asserts that the module in {@code jarOrClassesDir} provides {@link ImageProviderFactory} with
     * {@code implementation}, requires {@code io.github.seedream4j.core}, and contains the implementation's
     * package.
     */
    public static void assertProvidesFactory(Path jarOrClassesDir, String implementation) {
        Objects.requireNonNull(implementation, "implementation");
        ModuleDescriptor d = descriptor(jarOrClassesDir);
        String service = ImageProviderFactory.class.getName();
        List<String> with = d.provides().stream().filter(p -> p.service().equals(service))
                .flatMap(p -> p.providers().stream()).collect(Collectors.toList());
        assertThat(with).as("module %s must declare 'provides %s with %s;' (it provides %s)", d.name(), service,
                implementation, with).contains(implementation);
        assertThat(d.requires().stream().map(ModuleDescriptor.Requires::name))
                .as("module %s must require io.github.seedream4j.core", d.name())
                .contains("io.github.seedream4j.core");
        String pkg = implementation.substring(0, Math.max(0, implementation.lastIndexOf('.')));
        assertThat(d.packages()).as("module %s must contain the package of %s", d.name(), implementation)
                .contains(pkg);
    }
}
