package io.github.seedream4j.http;

/** Whether a request may be sent twice. Decides what {@link Retrier} does when an attempt breaks. */
public enum Idempotency {

    /**
     * Starts paid work (a generation POST). Re-sent only when nothing can have been accepted: the connection was
     * never made, or the server answered 429, 502 or 503. A failure after the request may have been sent becomes an
     * {@link io.github.seedream4j.OutcomeUnknownException}; so does nothing else: a 504 is handed back unretried
     * because a gateway timeout can hide an accepted job.
     */
    NON_IDEMPOTENT,

    /** Safe to repeat (status polls, downloads, cancels): retried on any connection error, 408, 429 and 5xx. */
    IDEMPOTENT
}
