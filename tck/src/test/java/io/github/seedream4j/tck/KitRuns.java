package io.github.seedream4j.tck;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.github.seedream4j.Resolution;
import io.github.seedream4j.tck.fixture.EditorLog;
import io.github.seedream4j.tck.fixture.EditorProviderFactory;
import io.github.seedream4j.tck.fixture.JobsProviderFactory;
import io.github.seedream4j.tck.fixture.JobsStub;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs single kit tests against fixture providers through the JUnit Platform launcher and records what each test
 * ended with, as Surefire would see it. The fixture classes end in {@code Run}, so Surefire does not pick them up
 * by itself.
 */
final class KitRuns {

    private KitRuns() {
    }

    /** How one test (or one dynamic test) ended. */
    record Outcome(String name, String status, String reason) {
    }

    /** Runs {@code method} of {@code kitClass}; returns the outcome of every test that ran or was skipped. */
    static List<Outcome> run(Class<?> kitClass, String method) {
        List<Outcome> outcomes = new CopyOnWriteArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectMethod(kitClass, method)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionSkipped(TestIdentifier id, String reason) {
                        outcomes.add(new Outcome(id.getDisplayName(), "SKIPPED", reason));
                    }

                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (!id.isTest()) {
                            return;
                        }
                        Optional<Throwable> thrown = result.getThrowable();
                        outcomes.add(new Outcome(id.getDisplayName(), result.getStatus().name(),
                                thrown.map(Throwable::getMessage).orElse(null)));
                    }
                });
        return List.copyOf(outcomes);
    }

    /** The well-behaved fixture with a stub; subclasses change one thing. */
    abstract static class JobsRun extends ImageProviderCompatibilityKit {
        JobsStub stub;

        @BeforeEach
        void startStub() {
            stub = new JobsStub();
        }

        @AfterEach
        void stopStub() {
            stub.close();
        }

        @Override
        protected String providerId() {
            return JobsProviderFactory.ID;
        }

        @Override
        protected Map<String, String> settings() {
            return Map.of("base-url", stub.baseUrl());
        }

        @Override
        protected boolean makeSlow(Map<String, String> settings) {
            stub.slow();
            return true;
        }

        @Override
        protected boolean holdSubmission(Map<String, String> settings, HeldSubmission held) {
            stub.hold(held);
            return true;
        }
    }

    /** Abandons its submission when the generation is cancelled, so a late job id is lost and keeps running. */
    static class DropsLateAnswersRun extends JobsRun {
        @Override
        protected Map<String, String> settings() {
            return Map.of("base-url", stub.baseUrl(), JobsProviderFactory.LATE_ANSWERS.name(), "drop");
        }
    }

    /** Implements none of the optional hooks. */
    static class NoHooksRun extends JobsRun {
        @Override
        protected boolean makeSlow(Map<String, String> settings) {
            return false;
        }

        @Override
        protected boolean holdSubmission(Map<String, String> settings, HeldSubmission held) {
            return false;
        }
    }

    /** Says its job ids come only with the result. */
    static class NoEarlyJobIdsRun extends JobsRun {
        @Override
        protected boolean jobIdsBeforeResult() {
            return false;
        }
    }

    /** Declares no secret. */
    static class NoSecretsRun extends JobsRun {
        @Override
        protected Set<String> secretSettings() {
            return Set.of();
        }
    }

    /** The in-process editor fixture, reporting what it sent and arranging sets; subclasses give it a flaw. */
    abstract static class EditorRun extends ImageProviderCompatibilityKit {
        final String log = "kit-" + UUID.randomUUID();

        /** {@return the fixture's flaw, as its setting writes it} */
        String flaw() {
            return "none";
        }

        @Override
        protected String providerId() {
            return EditorProviderFactory.ID;
        }

        @Override
        protected Map<String, String> settings() {
            return Map.of(EditorProviderFactory.LOG.name(), log, EditorProviderFactory.FLAW.name(), flaw());
        }

        @Override
        protected Optional<List<ReceivedRequest>> receivedRequests() {
            return Optional.of(EditorLog.named(log).sent());
        }

        @Override
        protected boolean expectSet(Resolution resolution, int images) {
            EditorLog.named(log).nextSet(images);
            return true;
        }
    }

    /** The editor as it should be. */
    static class EditorWellBehavedRun extends EditorRun {
    }

    /** Sends every reference image but the last. */
    static class DropsAnImageRun extends EditorRun {
        @Override
        String flaw() {
            return "drop-image";
        }
    }

    /** Sends the reference images in reverse order. */
    static class ReordersImagesRun extends EditorRun {
        @Override
        String flaw() {
            return "reorder";
        }
    }

    /** Makes one image more than a set's maximum. */
    static class ExtraImageRun extends EditorRun {
        @Override
        String flaw() {
            return "extra-image";
        }
    }

    /** Sends Seedream 4.5's id whatever version was asked for. */
    static class IgnoresModelRun extends EditorRun {
        @Override
        String flaw() {
            return "ignore-model";
        }
    }

    /** Sends a set as a request for one image; its test cannot arrange set sizes. */
    static class IgnoresSetRun extends EditorRun {
        @Override
        String flaw() {
            return "ignore-set";
        }

        @Override
        protected boolean expectSet(Resolution resolution, int images) {
            return false;
        }
    }

    /** Fetches the reference images' URLs itself. */
    static class FetchesUrlsRun extends EditorRun {
        @Override
        String flaw() {
            return "fetch-urls";
        }
    }

    /** The editor as it should be, with a test that cannot arrange set sizes. */
    static class NoSetHookRun extends EditorRun {
        @Override
        protected boolean expectSet(Resolution resolution, int images) {
            return false;
        }
    }
}
