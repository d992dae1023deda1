package io.github.seedream4j.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.PrintStream;
import java.io.PrintWriter;
import org.junit.jupiter.api.Test;

/**
 * Rule of issue 16, defect 11: every print path goes through {@link Io}, whose every line passes {@link Text}'s
 * sanitiser. A class that printed on its own could carry a provider's terminal escapes to the terminal.
 */
class PrintRuleTest {

    private static final JavaClasses CLI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.github.seedream4j.cli");

    @Test
    void onlyIoWritesToAStream() {
        printing(Io.class.getName()).check(CLI);
    }

    /** The rule can fail: Io itself prints, so the rule without its exception finds it. */
    @Test
    void theRuleFindsAClassThatPrints() {
        assertThatThrownBy(() -> printing("nothing.Excepted").check(CLI)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(Io.class.getName());
    }

    private static ArchRule printing(String allowed) {
        return noClasses().that().doNotHaveFullyQualifiedName(allowed)
                .should().callMethodWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(
                        DescribedPredicate.describe("a PrintStream or PrintWriter",
                                c -> c.isAssignableTo(PrintStream.class) || c.isAssignableTo(PrintWriter.class)))))
                .because("every line printed must pass the sanitiser in Io");
    }

    @Test
    void onlyMainReachesTheProcessStreams() {
        noClasses().that().doNotHaveFullyQualifiedName(Main.class.getName())
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("the streams are handed to Io once, in Main.main")
                .check(CLI);
    }
}
