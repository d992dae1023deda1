/** Provider {@code pixelmill}: Seedream on the (invented) Pixelmill HTTP JSON API, built on seedream4j's toolkit. */
module com.example.pixelmill {
    requires transitive io.github.seedream4j.http; // and so core, java.net.http and Jackson, for users too

    exports com.example.pixelmill;
    opens com.example.pixelmill to tools.jackson.databind; // Jackson reads and writes the wire records

    provides io.github.seedream4j.spi.ImageProviderFactory with com.example.pixelmill.PixelmillProviderFactory;
}
