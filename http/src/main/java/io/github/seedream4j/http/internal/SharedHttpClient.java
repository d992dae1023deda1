package io.github.seedream4j.http.internal;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one JDK {@link HttpClient} of this JVM that every provider built on the toolkit shares. A JDK 17 client cannot
 * be closed: it keeps a selector thread and its pooled connections until it is garbage collected, so a client per
 * provider instance left threads and sockets behind every closed {@code SeedreamClient}. One shared client holds one
 * selector thread for the life of the JVM and reuses its connections across clients.
 */
public final class SharedHttpClient {

    /** How long connecting may take, for every request of the shared client. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static volatile HttpClient client;

    private SharedHttpClient() {
    }

    /** {@return the shared client, created on first use: never follows redirects, runs on {@link HttpThreads}} */
    public static HttpClient get() {
        HttpClient c = client;
        if (c == null) {
            synchronized (SharedHttpClient.class) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                            .followRedirects(HttpClient.Redirect.NEVER).executor(HttpThreads.executor()).build();
                    client = c;
                }
            }
        }
        return c;
    }
}
