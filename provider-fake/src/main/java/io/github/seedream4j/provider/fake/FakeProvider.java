package io.github.seedream4j.provider.fake;

import io.github.seedream4j.provider.fake.internal.FakeProviderFactory;
import io.github.seedream4j.spi.ImageProviderFactory;

/**
 * The fake provider's id and setting names. The fake needs no network and no credentials: it paints a
 * deterministic PNG at exactly the requested pixels, so the same prompt, negative prompt, seed and size always give
 * byte-identical files.
 *
 * <p>For tests of code that uses seedream4j, it can also act like a real provider:
 * <ul>
 *   <li>{@value #LATENCY}: how long each call takes, for example {@code 200ms} (default {@code 0ms});</li>
 *   <li>{@value #FAILURES}: a script of failures for the first calls, comma-separated, then success: for example
 *       {@code rate-limited,rate-limited} fails twice with {@link io.github.seedream4j.RateLimitedException}.
 *       Kinds: {@code rate-limited}, {@code unavailable}, {@code failed}, {@code timeout}, {@code outcome-unknown},
 *       {@code auth}, {@code credit}, {@code ok};</li>
 *   <li>{@value #PRICE}: the price, for example {@code 0.03/image} (default free);</li>
 *   <li>{@value #LEDGER}: the name of the {@link FakeLedger} that records every call (default {@code default}).</li>
 * </ul>
 * Set them with {@code SeedreamClient.builder().setting(FakeProvider.LATENCY, "200ms")}, the system properties
 * {@code seedream.fake.<name>} or the environment variables {@code SEEDREAM_FAKE_<NAME>}.
 */
public final class FakeProvider {

    /** The provider id. */
    public static final String ID = "fake";
    /** Setting: latency per call. */
    public static final String LATENCY = "latency";
    /** Setting: scripted failures. */
    public static final String FAILURES = "failures";
    /** Setting: price model. */
    public static final String PRICE = "price";
    /** Setting: ledger name. */
    public static final String LEDGER = "ledger";
    /** How many images one call of the fake produces; larger requests fan out. */
    public static final int IMAGES_PER_CALL = 4;

    private FakeProvider() {
    }

    /**
     * The fake as a factory to inject with {@code SeedreamClient.builder().provider(factory)}, recording into
     * {@code ledger} instead of a named, JVM-wide one: a test that does this shares nothing with other tests.
     *
     * <pre>{@code
     * FakeLedger ledger = FakeLedger.create();
     * try (SeedreamClient client = SeedreamClient.builder().provider(FakeProvider.factory(ledger)).build()) {
     *     client.generate(GenerationRequest.of("a red fox"));
     * }
     * assertThat(ledger.calls()).isEqualTo(1);
     * }</pre>
     *
     * @param ledger where calls are recorded, never {@code null}
     * @return a new factory
     * @throws NullPointerException if {@code ledger} is null
     */
    public static ImageProviderFactory factory(FakeLedger ledger) {
        return new FakeProviderFactory(java.util.Objects.requireNonNull(ledger, "ledger").live());
    }
}
