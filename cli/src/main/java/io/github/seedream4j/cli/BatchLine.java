package io.github.seedream4j.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.cli.Jsons.Scalar;
import java.util.List;

/**
 * One line of a batch file as written: {@code prompt} is required, every other field optional. {@code id} and
 * {@code seed} may be a string or a number; {@code images} lists files (relative to the batch file's directory) or
 * URLs.
 */
record BatchLine(String prompt, Scalar id, String negative, String size, String aspect, Scalar seed, Integer n,
        Boolean enhance, Boolean safety, List<String> images, String model,
        @JsonProperty("max_images") Integer maxImages) {

    /** The field names, in the order the README lists them. */
    static final List<String> FIELDS = List.of("prompt", "id", "negative", "size", "aspect", "seed", "n", "enhance",
            "safety", "images", "model", "max_images");

    /** What a field must hold, for the message when it holds something else. */
    static String expected(String field) {
        return switch (field) {
            case "id" -> "a string or a number, such as \"fox\"";
            case "seed" -> "a whole number from 0 to 2147483647 (or the same as a string)";
            case "n" -> "a whole number from 1 to 16";
            case "max_images" -> "a whole number from 1 to " + SeedreamModel.MAX_SEQUENTIAL_IMAGES;
            case "enhance", "safety" -> "true or false";
            case "images" -> "a list of strings, each a file (relative to the batch file) or an https URL, such as "
                    + "[\"cat.png\"]";
            case "model" -> "a string, one of " + String.join(", ", SeedreamModel.labels());
            default -> "a string";
        };
    }
}
