package io.github.seedream4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.seedream4j.tck.KitRuns.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kit's checks fail for a provider that breaks their rule, and a check that does not apply is reported as a
 * skipped test with its reason, never as a pass and never not at all.
 */
class KitChecksTest {

    @Test
    void lateJobId_failsForAProviderThatAbandonsItsSubmissionOnCancel() {
        List<Outcome> outcomes = KitRuns.run(KitRuns.DropsLateAnswersRun.class,
                "lateJobId_isCancelledOnArrivalAfterCancel");

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo("FAILED");
            assertThat(o.reason()).contains("a cancel request for job tck-late-job-")
                    .contains("whose id arrived after the caller gave up")
                    .contains("report it with progress().submitted(id), then register context.onCancel(");
        });
    }

    @Test
    void lateJobId_passesForAProviderThatReadsTheLateAnswer() {
        assertThat(KitRuns.run(WellBehavedRun.class, "lateJobId_isCancelledOnArrivalAfterCancel"))
                .extracting(Outcome::status).containsExactly("SUCCESSFUL");
    }

    @Test
    void hooksNotImplemented_areSkippedWithTheirReasons() {
        assertThat(KitRuns.run(KitRuns.NoHooksRun.class, "cancel_endsASlowGenerationPromptly"))
                .containsExactly(new Outcome("cancel_endsASlowGenerationPromptly()", "ABORTED",
                        "Assumption failed: makeSlow(...) is not implemented for tck-jobs"));
        assertThat(KitRuns.run(KitRuns.NoHooksRun.class, "lateJobId_isCancelledOnArrivalAfterTheDeadline"))
                .containsExactly(new Outcome("lateJobId_isCancelledOnArrivalAfterTheDeadline()", "ABORTED",
                        "Assumption failed: holdSubmission(...) is not implemented for tck-jobs"));
    }

    @Test
    void testFactoriesThatDoNotApply_areReportedAsOneSkippedTest() {
        assertThat(KitRuns.run(KitRuns.NoHooksRun.class, "deadline_alwaysEndsInGenerationTimeoutException"))
                .containsExactly(new Outcome("skipped: makeSlow(...) is not implemented for tck-jobs", "ABORTED",
                        "makeSlow(...) is not implemented for tck-jobs"));
        assertThat(KitRuns.run(KitRuns.NoHooksRun.class, "tiers_comeBackAtTheSizeTablePixels"))
                .containsExactly(new Outcome("skipped: provider tck-jobs declares no native tiers", "ABORTED",
                        "provider tck-jobs declares no native tiers"));
    }

    @Test
    void lateJobIdChecks_areSkippedForAProviderWhoseJobIdComesWithTheResult() {
        assertThat(KitRuns.run(KitRuns.NoEarlyJobIdsRun.class, "cancel_cancelsTheProvidersJob"))
                .containsExactly(new Outcome("cancel_cancelsTheProvidersJob()", "ABORTED", "Assumption failed: "
                        + "provider tck-jobs reports no job id before its result (jobIdsBeforeResult() is false), so "
                        + "no job id can arrive after the caller gave up"));
    }

    @Test
    void secretCheck_isSkippedForAProviderWithoutSecrets() {
        assertThat(KitRuns.run(KitRuns.NoSecretsRun.class, "toString_neverShowsASecret"))
                .containsExactly(new Outcome("toString_neverShowsASecret()", "ABORTED", "Assumption failed: "
                        + "provider tck-jobs declares no secret setting (SettingKey.asSecret()), so there is no "
                        + "secret to leak"));
    }

    @Test
    void deadlineCheck_runsAsOftenAsTheSystemPropertySays() {
        String old = System.getProperty(ImageProviderCompatibilityKit.DEADLINE_RUNS_PROPERTY);
        System.setProperty(ImageProviderCompatibilityKit.DEADLINE_RUNS_PROPERTY, "2");
        try {
            assertThat(KitRuns.run(WellBehavedRun.class, "deadline_alwaysEndsInGenerationTimeoutException"))
                    .extracting(Outcome::name, Outcome::status)
                    .containsExactly(tuple("run 1 of 2", "SUCCESSFUL"),
                            tuple("run 2 of 2", "SUCCESSFUL"));
        } finally {
            if (old == null) {
                System.clearProperty(ImageProviderCompatibilityKit.DEADLINE_RUNS_PROPERTY);
            } else {
                System.setProperty(ImageProviderCompatibilityKit.DEADLINE_RUNS_PROPERTY, old);
            }
        }
    }

    /** The fixture as it should be. */
    static class WellBehavedRun extends KitRuns.JobsRun {
    }
}
