package io.github.seedream4j.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every rule twice: over seedream4j's real classes, where it must hold, and over fixtures built to break it,
 * where it must report the violation. The second half proves each rule can fail.
 */
class ArchitectureTest {

    private static final String BASE = "io.github.seedream4j";
    private static JavaClasses project;
    private static JavaClasses fixtures;

    @BeforeAll
    static void importClasses() {
        project = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
        fixtures = new ClassFileImporter().importPackages("fixture");
    }

    @Test
    void project_containsEveryModule() {
        assertThat(project.containPackage(BASE + ".spi")).isTrue();
        assertThat(project.containPackage(BASE + ".http")).isTrue();
        assertThat(project.containPackage(BASE + ".provider.fake.internal")).isTrue();
        assertThat(project.containPackage(BASE + ".provider.runpod.internal")).isTrue();
        assertThat(project.containPackage(BASE + ".provider.cloudflare.internal")).isTrue();
        assertThat(project.containPackage(BASE + ".provider.modelark.internal")).isTrue();
        assertThat(project.containPackage(BASE + ".provider.fal.internal")).isTrue();
        assertThat(project.containPackage(BASE + ".provider.replicate.internal")).isTrue();
        assertThat(project.containPackage(BASE + ".micrometer")).isTrue();
    }

    @Test
    void domainDependsOnlyOnJavaAndItself() {
        holdsAndCanFail(Rules::domainDependsOnlyOnJavaAndItself, "fixture.leakydomain",
                "fixture.leakydomain.internal.UsesAssertJ");
    }

    @Test
    void coreHasNoHttp() {
        holdsAndCanFail(Rules::coreHasNoHttp, "fixture.httpcore", "fixture.httpcore.spi.UsesHttpClient");
    }

    @Test
    void coreHasNoHttpUrlConnection() {
        EvaluationResult broken = Rules.coreHasNoHttp("fixture.urlcore").evaluate(fixtures);
        assertThat(broken.hasViolation()).isTrue();
        assertThat(broken.getFailureReport().toString()).contains("java.net.HttpURLConnection");
    }

    @Test
    void providersAreIndependent() {
        holdsAndCanFail(Rules::providersAreIndependent, "fixture.coupled", "fixture.coupled.provider.alpha.Alpha");
    }

    @Test
    void providerInternalsStayInside() {
        holdsAndCanFail(Rules::providerInternalsStayInside, "fixture.peeking", "fixture.peeking.app.Peeker");
    }

    @Test
    void noCycles() {
        holdsAndCanFail(Rules::noCycles, "fixture.cyclic", "fixture.cyclic.a.A");
    }

    @Test
    void corePackagesAcyclic() {
        holdsAndCanFail(Rules::corePackagesAcyclic, "fixture.rootcycle", "fixture.rootcycle.util.Helper");
        // the one documented exception stays narrow: the root-SPI pair alone is not reported
        EvaluationResult result = Rules.corePackagesAcyclic("fixture.rootcycle").evaluate(fixtures);
        assertThat(result.getFailureReport().toString()).doesNotContain("fixture.rootcycle.spi.Provider");
    }

    private static void holdsAndCanFail(Function<String, ArchRule> rule, String brokenBase, String culprit) {
        EvaluationResult real = rule.apply(BASE).evaluate(project);
        assertThat(real.hasViolation()).as(real.getFailureReport().toString()).isFalse();

        EvaluationResult broken = rule.apply(brokenBase).evaluate(fixtures);
        assertThat(broken.hasViolation()).as("the rule must catch the fixture " + brokenBase).isTrue();
        assertThat(broken.getFailureReport().toString()).contains(culprit);
    }
}
