package io.github.seedream4j.cli;

import io.github.seedream4j.cli.Jsons.Scalar;
import java.util.List;

/**
 * One line of a batch file as written: {@code prompt} is required, every other field optional. {@code id} and
 * {@code seed} may be a string or a number.
 */
record BatchLine(String prompt, Scalar id, String negative, String size, String aspect, Scalar seed, Integer n,
        Boolean enhance, Boolean safety) {

    /** The field names, in the order the README lists them. */
    static final List<String> FIELDS = List.of("prompt", "id", "negative", "size", "aspect", "seed", "n", "enhance",
            "safety");

    /** What a field must hold, for the message when it holds something else. */
    static String expected(String field) {
        switch (field) {
            case "id":
                return "a string or a number, such as \"fox\"";
            case "seed":
                return "a whole number from 0 to 2147483647 (or the same as a string)";
            case "n":
                return "a whole number from 1 to 16";
            case "enhance":
            case "safety":
                return "true or false";
            default:
                return "a string";
        }
    }
}
