package io.github.seedream4j.http;

/**
 * Whether a request may be sent twice; decides what {@link HttpCaller} retries and how {@link ErrorTranslator}
 * reads an unclear answer.
 */
public enum Idempotency {

    /**
     * Starts paid work (a generation POST). Sent again only when nothing can have been accepted: the connection was
     * never made, or the server answered 429, 502 or 503. A failure after the request may have left this machine
     * (a reset, a timeout) becomes an {@link io.github.seedream4j.OutcomeUnknownException}, and so does a 504: a
     * gateway timeout can hide an accepted job.
     */
    NON_IDEMPOTENT,

    /** Safe to repeat (status polls, downloads, cancels): retried on any connection failure, 408, 429 and 5xx. */
    IDEMPOTENT
}
