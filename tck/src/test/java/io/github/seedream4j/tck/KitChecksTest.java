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

    // ------------------------------------------------------------------------- reference images, sets, models

    @Test
    void referenceImages_failForAProviderThatDropsAnImage() {
        List<Outcome> outcomes = KitRuns.run(KitRuns.DropsAnImageRun.class, "referenceImages_reachTheProviderInOrder");

        assertThat(outcomes).extracting(Outcome::name).containsExactly(
                "4.0: 1 reference image as bytes", "4.0: 3 reference images as a file, bytes, a file",
                "4.0: 1 reference image as a URL", "4.0: 3 reference images as a URL, a URL, a URL",
                "4.0: 3 reference images as bytes, a URL, a file",
                "4.5: 1 reference image as a URL", "4.5: 3 reference images as a URL, a URL, a URL");
        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.status()).as(o.name()).isEqualTo("FAILED");
            assertThat(o.reason()).contains("the reference images the API received for Seedream ");
        });
    }

    @Test
    void referenceImages_failForAProviderThatReordersThem() {
        List<Outcome> outcomes = KitRuns.run(KitRuns.ReordersImagesRun.class,
                "referenceImages_reachTheProviderInOrder");

        assertThat(outcomes).filteredOn(o -> o.name().contains(": 3 reference images")).hasSize(4).allSatisfy(o -> {
            assertThat(o.status()).as(o.name()).isEqualTo("FAILED");
            assertThat(o.reason()).contains("the reference images the API received for Seedream ")
                    .contains("in order");
        });
        assertThat(outcomes).filteredOn(o -> o.name().contains(": 1 reference image ")).hasSize(3)
                .extracting(Outcome::status).containsOnly("SUCCESSFUL");
    }

    @Test
    void referenceImages_failForAProviderThatFetchesTheUrls() {
        List<Outcome> outcomes = KitRuns.run(KitRuns.FetchesUrlsRun.class, "referenceImages_reachTheProviderInOrder");

        assertThat(outcomes).filteredOn(o -> o.name().contains("a URL")).hasSize(5).allSatisfy(o -> {
            assertThat(o.status()).as(o.name()).isEqualTo("FAILED");
            assertThat(o.reason()).contains("requests for the reference images' URLs");
        });
        assertThat(outcomes).filteredOn(o -> !o.name().contains("a URL")).hasSize(2)
                .extracting(Outcome::status).containsOnly("SUCCESSFUL");
    }

    @Test
    void referenceImages_overTheLimit_areRefusedForEveryVersionThatTakesThem() {
        assertThat(KitRuns.run(KitRuns.EditorWellBehavedRun.class,
                "referenceImages_overTheModelsLimit_areRefusedOffline"))
                .containsExactly(new Outcome("4.0: 11 reference images as bytes, 10 allowed", "SUCCESSFUL", null),
                        new Outcome("4.5: 15 reference images as a URL, 14 allowed", "SUCCESSFUL", null));
    }

    @Test
    void sets_failForAProviderThatMakesMoreThanTheMaximum() {
        assertThat(KitRuns.run(KitRuns.ExtraImageRun.class, "sequentialSets_comeBackWithOneToMaxImages"))
                .hasSize(2).allSatisfy(o -> {
                    assertThat(o.status()).as(o.name()).isEqualTo("FAILED");
                    assertThat(o.reason()).contains("handed over image 4 of a call that asked for at most 3");
                });
    }

    @Test
    void sets_failForAProviderThatSendsNoSet() {
        assertThat(KitRuns.run(KitRuns.IgnoresSetRun.class, "sequentialSets_comeBackWithOneToMaxImages"))
                .hasSize(2).allSatisfy(o -> {
                    assertThat(o.status()).as(o.name()).isEqualTo("FAILED");
                    assertThat(o.reason()).contains("the set's maximum the API received for Seedream ");
                });
    }

    @Test
    void smallerSets_areCheckedWithExpectSet_andSkippedWithoutIt() {
        assertThat(KitRuns.run(KitRuns.EditorWellBehavedRun.class,
                "sequentialSets_smallerThanTheirMaximum_areASuccess")).extracting(Outcome::name, Outcome::status)
                .containsExactly(tuple("4.0: 1 of up to 3", "SUCCESSFUL"), tuple("4.0: 2 of up to 3", "SUCCESSFUL"),
                        tuple("4.5: 1 of up to 3", "SUCCESSFUL"), tuple("4.5: 2 of up to 3", "SUCCESSFUL"));
        assertThat(KitRuns.run(KitRuns.NoSetHookRun.class, "sequentialSets_smallerThanTheirMaximum_areASuccess"))
                .containsExactly(new Outcome("skipped: expectSet(...) is not implemented for tck-editor, so no set "
                        + "can be made to come back smaller than its maximum", "ABORTED", "expectSet(...) is not "
                        + "implemented for tck-editor, so no set can be made to come back smaller than its maximum"));
    }

    @Test
    void models_failForAProviderThatSendsAnotherVersionsId() {
        List<Outcome> outcomes = KitRuns.run(KitRuns.IgnoresModelRun.class,
                "models_eachDeclaredModelIsServedUnderItsOwnId");

        assertThat(outcomes).extracting(Outcome::name, Outcome::status).containsExactly(
                tuple("Seedream 4.0 as editor-4", "FAILED"), tuple("Seedream 4.5 as editor-4.5", "SUCCESSFUL"));
        assertThat(outcomes.get(0).reason()).contains("'editor-4.5' names another version's longer id than Seedream "
                + "4.0's editor-4");
    }

    @Test
    void models_anUndeclaredVersionIsRefused_namingTheServedOnes() {
        assertThat(KitRuns.run(KitRuns.EditorWellBehavedRun.class, "models_anUndeclaredModelIsRefusedOffline"))
                .containsExactly(new Outcome("models_anUndeclaredModelIsRefusedOffline()", "SUCCESSFUL", null));
    }

    @Test
    void imageAndSetChecks_areSkippedForAProviderThatDeclaresNone() {
        assertThat(KitRuns.run(KitRuns.NoHooksRun.class, "referenceImages_reachTheProviderInOrder"))
                .containsExactly(new Outcome("skipped: provider tck-jobs takes reference images with none of the "
                        + "models it serves (4.0)", "ABORTED", "provider tck-jobs takes reference images with none of "
                        + "the models it serves (4.0)"));
        assertThat(KitRuns.run(KitRuns.NoHooksRun.class, "sequentialSets_comeBackWithOneToMaxImages"))
                .containsExactly(new Outcome("skipped: provider tck-jobs makes sequential sets with none of the "
                        + "models it serves (4.0)", "ABORTED", "provider tck-jobs makes sequential sets with none of "
                        + "the models it serves (4.0)"));
    }
}
