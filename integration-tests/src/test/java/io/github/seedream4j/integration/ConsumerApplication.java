package io.github.seedream4j.integration;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application that uses seedream4j through the starter only: it declares nothing of its own. */
@SpringBootApplication
public class ConsumerApplication {
}
