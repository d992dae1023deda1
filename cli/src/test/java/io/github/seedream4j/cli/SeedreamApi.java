package io.github.seedream4j.cli;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * A stand-in for an API that sells Seedream, as the command line meets it: what each stub answers to a generation,
 * a refused key and refused content, and the request the command line sent. Answers are the payloads of the
 * reference notes, with their image URLs pointing at this stub.
 */
abstract class SeedreamApi extends LoopbackApi {

    private final String scheme;
    private final String keyVariable;

    /**
     * @param scheme the Authorization scheme the API takes, such as {@code Bearer}
     * @param keyVariable the environment variable the API's own clients read the key from
     */
    SeedreamApi(String provider, String keySetting, String basePath, String scheme, String keyVariable) {
        super(provider, keySetting, basePath);
        this.scheme = scheme;
        this.keyVariable = keyVariable;
    }

    /** {@return the Authorization header the API takes with {@link #KEY}} */
    final String authorization() {
        return scheme + " " + KEY;
    }

    /** {@return the environment variable the API's own clients read the key from} */
    final String keyVariable() {
        return keyVariable;
    }

    /** Every generation ends with {@code count} real PNGs of {@code width x height}. */
    abstract void answer(int count, int width, int height);

    /** Every generation is refused with HTTP 401, as the API answers a bad key. */
    abstract void refuseKey();

    /** Every generation is refused by the API's content checker. */
    abstract void refuseContent();

    /** {@return the requests that asked for images, in order} */
    abstract List<LoggedRequest> generations();
}
