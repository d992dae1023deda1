package io.github.seedream4j.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The five HTTP providers as the harness drives them against {@link StubServer}: where each one's stub lives, the
 * settings that point the library at it, and the poll schedule each provider follows, which the raw client copies and
 * against which the status calls are counted.
 */
enum Provider {
    RUNPOD("runpod", "/runpod", true),
    CLOUDFLARE("cloudflare", "/cloudflare/client/v4", false),
    MODELARK("modelark", "/modelark/api/v3", false),
    FAL("fal", "/fal", true),
    REPLICATE("replicate", "/replicate/v1", true);

    static final String KEY = "bench-key";
    static final Duration FIRST_POLL = Duration.ofMillis(250);
    static final Duration MAX_POLL = Duration.ofSeconds(3);

    final String id;
    final String basePath;
    final boolean polls;

    Provider(String id, String basePath, boolean polls) {
        this.id = id;
        this.basePath = basePath;
        this.polls = polls;
    }

    static Provider of(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown provider '" + id + "'; expected one of "
                        + Arrays.stream(values()).map(p -> p.id).collect(Collectors.joining(", "))));
    }

    /**
     * The library's settings for this provider against the stub at {@code stubUrl}.
     *
     * @param format ModelArk's {@code response-format}
     * @param waitSeconds Replicate's {@code wait}
     */
    Map<String, String> settings(String stubUrl, String format, int waitSeconds) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("base-url", stubUrl + basePath);
        switch (this) {
            case CLOUDFLARE:
                s.put("api-token", KEY);
                s.put("account-id", StubServer.CLOUDFLARE_ACCOUNT);
                break;
            case MODELARK:
                s.put("api-key", KEY);
                s.put("response-format", format);
                break;
            case REPLICATE:
                s.put("api-token", KEY);
                s.put("wait", waitSeconds + "s");
                break;
            default:
                s.put("api-key", KEY);
        }
        if (this == RUNPOD || this == FAL || this == REPLICATE) {
            // the stubs have no rate limit and the raw client no cap: both poll on the schedule alone
            s.put("max-polls-per-second", "unlimited");
        }
        return s;
    }

    /**
     * The pause before the next status call of a job followed for {@code ageNanos}: a sixth of its age, from 250 ms
     * to 3 s. Runpod's, fal's and Replicate's {@code nextPoll} all compute this; they differ in where the age starts
     * and when the first call is made ({@link #polls(long, int)}).
     */
    static long pauseNanos(long ageNanos) {
        return Math.max(FIRST_POLL.toNanos(), Math.min(MAX_POLL.toNanos(), ageNanos / 6));
    }

    /**
     * How many status calls this provider's schedule makes for a job that ends {@code jobMillis} after its
     * submission, if every answer took no time: the count the harness compares the stub's with.
     * <ul>
     *   <li>Runpod polls at once after the {@code /run} answer, then after {@link #pauseNanos} of the age since it;</li>
     *   <li>fal polls first after 250 ms, then the same;</li>
     *   <li>Replicate's create is held up to {@code waitSeconds}; a prediction still running then is polled after
     *       {@link #pauseNanos} of its age since the create was sent.</li>
     * </ul>
     */
    int polls(long jobMillis, int waitSeconds) {
        long end = jobMillis * 1_000_000L;
        long t;
        switch (this) {
            case RUNPOD:
                if (jobMillis == 0) {
                    return 0; // the /run answer is already COMPLETED
                }
                t = 0;
                break;
            case FAL:
                t = FIRST_POLL.toNanos();
                break;
            case REPLICATE:
                long wait = waitSeconds * 1_000_000_000L;
                if (end <= wait) {
                    return 0;
                }
                t = wait + pauseNanos(wait);
                break;
            default:
                return 0;
        }
        int n = 1;
        while (t < end) {
            t += pauseNanos(t);
            n++;
        }
        return n;
    }
}
