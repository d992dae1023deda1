/**
 * The toolkit for HTTP providers (see the package {@code io.github.seedream4j.http}): calls with deadline,
 * cancellation and safe retries, one error translator, a safe image download, redaction and checked settings, over
 * the JDK HTTP client and Jackson. Only {@code io.github.seedream4j.http} is exported; the {@code internal} package
 * is not, and has no compatibility promise. Core never depends on this module.
 */
module io.github.seedream4j.http {
    requires transitive io.github.seedream4j.core;
    requires transitive java.net.http;
    requires transitive tools.jackson.databind;
    requires transitive feign.core;
    requires feign.java11;
    requires feign.jackson3;

    exports io.github.seedream4j.http;
}
