package io.github.seedream4j.http.internal;

import java.io.IOException;

/** An answer's body ran past the most bytes the toolkit reads; its message is a phrase for people. */
public final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param max the cap that was passed, in bytes
     */
    public BodyTooLargeException(long max) {
        super("the answer is larger than " + max + " bytes, the most read");
    }
}
