package io.github.seedream4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules, as functions of the base package so that each can also be run against fixtures that
 * break it: a rule that cannot fail proves nothing.
 */
final class Rules {

    private Rules() {
    }

    /** The core's packages (domain, SPI, internals) depend only on the JDK's {@code java..} and on each other. */
    static ArchRule domainDependsOnlyOnJavaAndItself(String base) {
        return classes().that().resideInAnyPackage(base, base + ".spi..", base + ".internal..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", base, base + ".spi..", base + ".internal..")
                .as("the domain of " + base + " depends only on java.. and itself");
    }

    /** The core never touches an HTTP client, a JSON library or a provider. */
    static ArchRule coreHasNoHttp(String base) {
        return noClasses().that().resideInAnyPackage(base, base + ".spi..", base + ".internal..")
                .should().dependOnClassesThat().resideInAnyPackage("feign..", "tools.jackson..", "com.fasterxml.jackson..",
                        "java.net.http..", base + ".provider..", base + ".http..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
                .as("the core of " + base + " never depends on Feign, Jackson, java.net.http, HttpURLConnection or a provider");
    }

    /** Provider modules do not know each other. */
    static ArchRule providersAreIndependent(String base) {
        return slices().matching(base + ".provider.(*)..").should().notDependOnEachOther()
                .as("providers under " + base + ".provider do not depend on each other");
    }

    /** Nothing outside a provider reaches into its internals. */
    static ArchRule providerInternalsStayInside(String base) {
        return classes().that().resideInAPackage(base + ".provider.(*).internal..")
                .should().onlyBeAccessed().byClassesThat().resideInAPackage(base + ".provider..")
                .as("only provider code touches " + base + ".provider.*.internal");
    }

    /** No cycles between the project's sub-packages (the root package, API and SPI facade, is the one layer above). */
    /**
     * Core's packages, the root package included, form no cycle. One edge is a deliberate exception: the client in
     * the root package loads providers through {@code spi}, and the SPI speaks in the root package's domain types,
     * so root → spi is ignored; every other edge counts (a helper package reaching back into the root would be
     * reported).
     */
    static ArchRule corePackagesAcyclic(String base) {
        return slices().assignedFrom(new com.tngtech.archunit.library.dependencies.SliceAssignment() {
            @Override
            public com.tngtech.archunit.library.dependencies.SliceIdentifier getIdentifierOf(
                    com.tngtech.archunit.core.domain.JavaClass c) {
                String p = c.getPackageName();
                boolean core = p.equals(base) || p.equals(base + ".spi") || p.startsWith(base + ".spi.")
                        || p.equals(base + ".internal") || p.startsWith(base + ".internal.")
                        || p.equals(base + ".util") || p.startsWith(base + ".util.");
                return core ? com.tngtech.archunit.library.dependencies.SliceIdentifier.of(p)
                        : com.tngtech.archunit.library.dependencies.SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages of core under " + base;
            }
        }).should().beFreeOfCycles()
                .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(base),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(base + ".spi.."))
                .as("core's packages under " + base + ", the root included, have no cycles but root -> spi");
    }

    static ArchRule noCycles(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles()
                .as("no cycles between the packages under " + base);
    }
}
