package io.github.seedream4j;

import io.github.seedream4j.spi.ImageProviderFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The providers found with {@link ServiceLoader} on a class loader (and, on the module path, in its module
 * layer), and the rule for choosing one.
 *
 * <p>A provider jar that is broken (its factory fails to load or to instantiate) is reported in
 * {@link #problems()} and does not stop the others from being found. Two factories with the same id are a problem
 * too: the first is kept and the second reported.
 */
public final class ProviderCatalog {

    /** The system property that names the provider to use. */
    public static final String PROVIDER_PROPERTY = "seedream.provider";
    /** The environment variable that names the provider to use, when the system property does not. */
    public static final String PROVIDER_ENVIRONMENT_VARIABLE = "SEEDREAM_PROVIDER";

    private static final System.Logger LOG = System.getLogger("io.github.seedream4j.discovery");
    /** A provider id: lower case letters, digits and dashes. */
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final Map<String, ImageProviderFactory> factories;
    private final List<String> problems;

    private ProviderCatalog(Map<String, ImageProviderFactory> factories, List<String> problems) {
        this.factories = factories;
        this.problems = List.copyOf(problems);
    }

    /**
     * {@return the providers visible to the class loader that loaded seedream4j (or the context class loader, when
     * set)} Never throws for a broken provider: it is listed in {@link #problems()}.
     */
    public static ProviderCatalog discover() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return discover(context != null ? context : ProviderCatalog.class.getClassLoader());
    }

    /**
     * {@return the providers visible to {@code classLoader}} Never throws for a broken provider: it is listed in
     * {@link #problems()}.
     *
     * @param classLoader the class loader to search; {@code null} means the system class loader
     */
    public static ProviderCatalog discover(ClassLoader classLoader) {
        Map<String, ImageProviderFactory> found = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Iterator<ImageProviderFactory> it = ServiceLoader.load(ImageProviderFactory.class, classLoader).iterator();
        while (true) {
            ImageProviderFactory factory;
            try {
                if (!it.hasNext()) {
                    break;
                }
                factory = it.next();
            } catch (ServiceConfigurationError e) {
                String problem = "a provider could not be loaded and was skipped: " + e.getMessage()
                        + (e.getCause() == null ? "" : " (" + e.getCause() + ")");
                problems.add(problem);
                LOG.log(System.Logger.Level.WARNING, problem);
                continue;
            }
            String id;
            try {
                id = factory.id();
            } catch (RuntimeException e) {
                problems.add("provider " + factory.getClass().getName() + " failed to report its id and was skipped: " + e);
                continue;
            }
            if (id == null || !ID.matcher(id).matches()) {
                problems.add("provider " + factory.getClass().getName() + " has an invalid id '" + id
                        + "' (lower case letters, digits and dashes) and was skipped");
            } else if (found.containsKey(id)) {
                problems.add("provider id '" + id + "' is provided twice, by " + found.get(id).getClass().getName()
                        + " and " + factory.getClass().getName() + "; the first is used. Remove one jar from the class path");
            } else {
                found.put(id, factory);
            }
        }
        return new ProviderCatalog(found, problems);
    }

    /** {@return the providers found, in discovery order} The list is unmodifiable and may be empty. */
    public List<ImageProviderFactory> factories() {
        return List.copyOf(factories.values());
    }

    /** {@return the ids of the providers found, in discovery order} The list is unmodifiable and may be empty. */
    public List<String> ids() {
        return List.copyOf(factories.keySet());
    }

    /** {@return providers that could not be loaded, and why, one message each} Unmodifiable; empty when none. */
    public List<String> problems() {
        return problems;
    }

    /**
     * {@return the provider with this id, if found}
     *
     * @param id the exact id, for example {@code runpod}
     */
    public Optional<ImageProviderFactory> find(String id) {
        return Optional.ofNullable(factories.get(id));
    }

    /**
     * Chooses a provider from the real system properties and environment; see
     * {@link #select(String, Function, Function)}.
     *
     * @param explicitId the id to use, or {@code null} (or blank) to look further
     * @return the chosen provider's factory, never {@code null}
     * @throws ProviderSelectionException when none is found, several are found and none is named, or the named one
     *         is not found
     */
    public ImageProviderFactory select(String explicitId) {
        return select(explicitId, System::getProperty, System::getenv);
    }

    /**
     * Chooses a provider: {@code explicitId} when not null; else the system property {@value #PROVIDER_PROPERTY};
     * else the environment variable {@value #PROVIDER_ENVIRONMENT_VARIABLE}; else the only provider found. Never
     * "the first one found".
     *
     * @param explicitId the id to use, or {@code null} (or blank) to look further
     * @param systemProperties maps a property name to its value or {@code null}; never {@code null}
     * @param environment maps a variable name to its value or {@code null}; never {@code null}
     * @return the chosen provider's factory, never {@code null}
     * @throws ProviderSelectionException when none is found, several are found and none is named, or the named one
     *         is not found; the message lists what was found and says how to choose or what to add
     */
    public ImageProviderFactory select(String explicitId, Function<String, String> systemProperties,
            Function<String, String> environment) {
        String id = explicitId;
        String from = "the client builder";
        if (isBlank(id)) {
            id = systemProperties.apply(PROVIDER_PROPERTY);
            from = "system property " + PROVIDER_PROPERTY;
        }
        if (isBlank(id)) {
            id = environment.apply(PROVIDER_ENVIRONMENT_VARIABLE);
            from = "environment variable " + PROVIDER_ENVIRONMENT_VARIABLE;
        }
        if (!isBlank(id)) {
            String wanted = id.strip();
            ImageProviderFactory f = factories.get(wanted);
            if (f != null) {
                return f;
            }
            String add = ProviderArtifacts.artifactFor(wanted)
                    .map(a -> "add " + a + " to the class path")
                    .orElse("add the jar that provides '" + wanted + "' to the class path, or check the spelling");
            throw new ProviderSelectionException("provider '" + wanted + "' (named by " + from + ") is not on the class path; "
                    + add + ". Found: " + describeFound() + problemsSuffix());
        }
        if (factories.size() == 1) {
            return factories.values().iterator().next();
        }
        if (factories.isEmpty()) {
            throw new ProviderSelectionException("no seedream4j provider is on the class path; add one of "
                    + ProviderArtifacts.known().values().stream().sorted().collect(Collectors.joining(", "))
                    + " (seedream4j-provider-fake works offline)" + problemsSuffix());
        }
        throw new ProviderSelectionException("several providers are on the class path (" + String.join(", ", ids())
                + ") and none was chosen; choose one with SeedreamClient.builder().provider(\"" + ids().get(0)
                + "\"), the system property " + PROVIDER_PROPERTY + " or the environment variable "
                + PROVIDER_ENVIRONMENT_VARIABLE + problemsSuffix());
    }

    private String describeFound() {
        return factories.isEmpty() ? "no provider" : String.join(", ", ids());
    }

    private String problemsSuffix() {
        return problems.isEmpty() ? "" : ". Also, " + problems.size() + " provider(s) failed to load: "
                + String.join("; ", problems);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "ProviderCatalog" + ids() + (problems.isEmpty() ? "" : " with problems " + problems);
    }

}
