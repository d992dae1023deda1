package io.github.seedream4j.provider.fake.internal;

import io.github.seedream4j.AuthenticationException;
import io.github.seedream4j.ConfigurationException;
import io.github.seedream4j.GenerationFailedException;
import io.github.seedream4j.GenerationTimeoutException;
import io.github.seedream4j.InsufficientCreditException;
import io.github.seedream4j.OutcomeUnknownException;
import io.github.seedream4j.ProviderUnavailableException;
import io.github.seedream4j.RateLimitedException;
import io.github.seedream4j.SeedreamException;
import io.github.seedream4j.provider.fake.FakeProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** The scripted outcomes of the first calls: each call takes the next entry; past the end, calls succeed. */
final class FailureScript {

    private static final List<String> KINDS = List.of("ok", "rate-limited", "unavailable", "failed", "timeout",
            "outcome-unknown", "auth", "credit");

    private final List<String> steps;
    private final AtomicInteger next = new AtomicInteger();

    private FailureScript(List<String> steps) {
        this.steps = List.copyOf(steps);
    }

    static FailureScript parse(String text) {
        List<String> steps = new ArrayList<>();
        for (String part : text.split(",")) {
            String kind = part.strip().toLowerCase(Locale.ROOT);
            if (kind.isEmpty()) {
                continue;
            }
            if (!KINDS.contains(kind)) {
                throw new ConfigurationException("provider fake setting '" + FakeProvider.FAILURES + "' has unknown kind '"
                        + part.strip() + "'; use a comma-separated list of " + KINDS, FakeProvider.ID, null, null);
            }
            steps.add(kind);
        }
        return new FailureScript(steps);
    }

    /** Throws the next scripted failure, if any. */
    void next(String jobId) {
        int i = next.getAndIncrement();
        if (i >= steps.size()) {
            return;
        }
        SeedreamException e = failure(steps.get(i), jobId, i + 1);
        if (e != null) {
            throw e;
        }
    }

    private static SeedreamException failure(String kind, String jobId, int call) {
        String id = FakeProvider.ID;
        String why = " (scripted failure " + call + " of the fake provider)";
        switch (kind) {
            case "rate-limited":
                return new RateLimitedException("provider fake is rate limiting this client; wait 1s and retry" + why,
                        id, Duration.ofSeconds(1), null);
            case "unavailable":
                return new ProviderUnavailableException("provider fake is unavailable; retry later" + why, id, null, null);
            case "failed":
                return new GenerationFailedException("provider fake failed to generate the image" + why, id, jobId, null);
            case "timeout":
                return new GenerationTimeoutException("provider fake timed out" + why, id, jobId, null);
            case "outcome-unknown":
                return new OutcomeUnknownException("provider fake may or may not have accepted the request; resume job "
                        + jobId + " instead of sending it again" + why, id, jobId, null);
            case "auth":
                return new AuthenticationException("provider fake rejected the credentials" + why, id, null, null);
            case "credit":
                return new InsufficientCreditException("provider fake says the account has no credit" + why, id, null,
                        null);
            default:
                return null;
        }
    }
}
