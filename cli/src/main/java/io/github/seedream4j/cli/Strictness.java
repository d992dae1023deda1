package io.github.seedream4j.cli;

import io.github.seedream4j.Warning;
import java.util.List;

/**
 * {@code --strict}: the client always runs with the library's WARN policy, and the CLI refuses a request whose
 * validation warns that an option would not be sent. Deciding here, from the warnings' codes, gives the command
 * line its own wording (drop {@code --strict}) without rewriting the library's messages.
 */
final class Strictness {

    private Strictness() {
    }

    /** Throws when {@code strict} and a warning says an option cannot be honoured. */
    static void check(boolean strict, String providerId, List<Warning> warnings) {
        if (!strict) {
            return;
        }
        for (Warning w : warnings) {
            if (Warning.UNSUPPORTED_OPTION.equals(w.code())) {
                throw new UsageException("--strict: provider " + providerId + " cannot honour this request: "
                        + w.message() + ". Remove the option, choose a provider that supports it, or drop --strict to "
                        + "send the request without it");
            }
        }
    }
}
