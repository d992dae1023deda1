package io.github.seedream4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.seedream4j.spi.ImageProviderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a provider's module descriptor without starting a module layer: {@link ModuleFinder#of} reads
 * {@code module-info.class} from a jar or a classes directory, which is enough to prove that the module path will
 * find the provider. Stateless and thread-safe.
 */
public final class ModuleDescriptors {

    private static final String CORE = "io.github.seedream4j.core";

    private ModuleDescriptors() {
    }

    /**
     * The jar or classes directory that {@code type} was loaded from.
     *
     * @throws IllegalStateException if the class has no code source (for example a JDK class)
     *
     * @param type a class of the module
     * @return the jar or directory
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
     *
     * @param jarOrClassesDir a jar or a classes directory
     * @return the module's descriptor
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
     * {@code implementation}, reads {@code io.github.seedream4j.core}, and contains the implementation's package.
     * The module reads core when it requires it, or requires a module that requires it transitively (as
     * {@code io.github.seedream4j.http} does), exactly as the module system resolves it; the descriptors of required
     * modules are looked up on the boot layer and among the {@code module-info.class} files the context class
     * loader (or else this class's loader) sees.
     *
     * @param jarOrClassesDir the provider's jar or classes directory, never {@code null}
     * @param implementation the factory's fully qualified class name, never {@code null}
     * @throws AssertionError if a check fails, with what to add to {@code module-info.java}
     */
    public static void assertProvidesFactory(Path jarOrClassesDir, String implementation) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        assertProvidesFactory(jarOrClassesDir, implementation,
                context != null ? context : ModuleDescriptors.class.getClassLoader());
    }

    /**
     * As {@link #assertProvidesFactory(Path, String)}, looking up required modules with {@code loader}.
     *
     * @param jarOrClassesDir the provider's jar or classes directory, never {@code null}
     * @param implementation the factory's fully qualified class name, never {@code null}
     * @param loader where the descriptors of required modules are looked up, never {@code null}
     * @throws AssertionError if a check fails, with what to add to {@code module-info.java}
     */
    public static void assertProvidesFactory(Path jarOrClassesDir, String implementation, ClassLoader loader) {
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(loader, "loader");
        assertProvidesFactory(descriptor(jarOrClassesDir), implementation, loader);
    }

    /** The checks of {@link #assertProvidesFactory(Path, String, ClassLoader)} on a descriptor already read. */
    static void assertProvidesFactory(ModuleDescriptor d, String implementation, ClassLoader loader) {
        String service = ImageProviderFactory.class.getName();
        List<String> with = d.provides().stream().filter(p -> p.service().equals(service))
                .flatMap(p -> p.providers().stream()).collect(Collectors.toList());
        assertThat(with).as("module %s must declare 'provides %s with %s;' (it provides %s)", d.name(), service,
                implementation, with).contains(implementation);
        if (!reads(d, CORE, loader)) {
            fail("module " + d.name() + " must read " + CORE + ": add 'requires " + CORE + ";' to its "
                    + "module-info.java (requiring a module that requires it transitively, such as "
                    + "io.github.seedream4j.http, is enough); it requires " + d.requires().stream()
                            .map(ModuleDescriptor.Requires::name).filter(n -> !n.startsWith("java."))
                            .sorted().collect(Collectors.toList()));
        }
        String pkg = implementation.substring(0, Math.max(0, implementation.lastIndexOf('.')));
        assertThat(d.packages()).as("module %s must contain the package of %s", d.name(), implementation)
                .contains(pkg);
    }

    /** Whether a module with descriptor {@code d} reads {@code target}, through requires and requires transitive. */
    static boolean reads(ModuleDescriptor d, String target, ClassLoader loader) {
        for (ModuleDescriptor.Requires r : d.requires()) {
            if (r.name().equals(target)) {
                return true;
            }
        }
        // a required module's own 'requires transitive' edges are read as well
        Map<String, ModuleDescriptor> known = visibleDescriptors(loader);
        Deque<ModuleDescriptor> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (ModuleDescriptor.Requires r : d.requires()) {
            ModuleDescriptor m = known.get(r.name());
            if (m != null && seen.add(m.name())) {
                todo.add(m);
            }
        }
        while (!todo.isEmpty()) {
            ModuleDescriptor m = todo.poll();
            for (ModuleDescriptor.Requires r : m.requires()) {
                if (!r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)) {
                    continue;
                }
                if (r.name().equals(target)) {
                    return true;
                }
                ModuleDescriptor next = known.get(r.name());
                if (next != null && seen.add(next.name())) {
                    todo.add(next);
                }
            }
        }
        return false;
    }

    /** The descriptors of the boot layer's modules and of every explicit module on {@code loader}'s path. */
    private static Map<String, ModuleDescriptor> visibleDescriptors(ClassLoader loader) {
        Map<String, ModuleDescriptor> found = new HashMap<>();
        for (Module m : ModuleLayer.boot().modules()) {
            found.put(m.getName(), m.getDescriptor());
        }
        try {
            Enumeration<URL> infos = loader.getResources("module-info.class");
            while (infos.hasMoreElements()) {
                Path root = rootOf(infos.nextElement());
                if (root == null) {
                    continue;
                }
                try {
                    for (ModuleReference ref : ModuleFinder.of(root).findAll()) {
                        found.putIfAbsent(ref.descriptor().name(), ref.descriptor());
                    }
                } catch (FindException e) {
                    // an unreadable jar is not the provider's concern here; its module simply stays unknown
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing module-info.class files failed", e);
        }
        return found;
    }

    /** The jar or directory a {@code module-info.class} URL points into, or {@code null} for other schemes. */
    private static Path rootOf(URL info) {
        try {
            String s = info.toString();
            if (s.startsWith("jar:file:")) {
                return Path.of(URI.create(s.substring(4, s.indexOf("!/"))));
            }
            if (s.startsWith("file:")) {
                return Path.of(info.toURI()).getParent();
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // not a local file: skipped
        }
        return null;
    }
}
