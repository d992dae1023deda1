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
    static ArchRule noCycles(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles()
                .as("no cycles between the packages under " + base);
    }
}
