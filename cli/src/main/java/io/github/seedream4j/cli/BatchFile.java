package io.github.seedream4j.cli;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.SeedreamException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch file: one JSON object per line ({@code prompt} required; {@code id}, {@code negative}, {@code size},
 * {@code aspect}, {@code seed}, {@code n}, {@code enhance}, {@code safety} optional). Blank lines and lines starting
 * with {@code #} are ignored but still counted, so line numbers match an editor's.
 */
final class BatchFile {

    static final Set<String> FIELDS = Set.of("prompt", "id", "negative", "size", "aspect", "seed", "n", "enhance", "safety");
    private static final String FIELD_LIST = "prompt, id, negative, size, aspect, seed, n, enhance, safety";

    /**
     * One line: either a request with the plain file name its images get, or an error saying what is wrong.
     *
     * @param number 1-based line number
     * @param text the line as written, used to notice a line edited between runs
     * @param request the request, or null when the line is invalid
     * @param name the file base name: the sanitised {@code id}, else {@code line-N}
     * @param seedGiven whether the line fixes the seed
     * @param error what is wrong, or null
     */
    record Line(int number, String text, GenerationRequest request, String name, boolean seedGiven, String error) {
        String fingerprint() {
            return Integer.toHexString(text.strip().hashCode());
        }
    }

    private BatchFile() {
    }

    /** Reads every line; a bad line becomes a {@link Line} with an error, the others still count. */
    static List<Line> read(Path file) {
        List<String> texts;
        try {
            texts = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read batch file " + file + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); check the path");
        }
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text.isBlank() || text.strip().startsWith("#")) {
                continue;
            }
            Line line = parse(i + 1, text);
            if (line.error() == null) {
                Integer other = names.putIfAbsent(line.name(), line.number());
                if (other != null) {
                    line = new Line(line.number(), text, null, line.name(), false, "its file name '" + line.name()
                            + "' is already used by line " + other + "; give each line a unique id");
                }
            }
            lines.add(line);
        }
        return lines;
    }

    static Line parse(int number, String text) {
        String defaultName = "line-" + number;
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (Json.ParseException e) {
            return new Line(number, text, null, defaultName, false, e.getMessage());
        }
        if (!(parsed instanceof Map)) {
            return new Line(number, text, null, defaultName, false, "expected a JSON object such as {\"prompt\": \"a red fox\"}");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) parsed;
        for (String key : m.keySet()) {
            if (!FIELDS.contains(key)) {
                return new Line(number, text, null, defaultName, false, "unknown field '" + key + "'; the fields are "
                        + FIELD_LIST);
            }
        }
        try {
            String prompt = string(m, "prompt");
            if (prompt == null) {
                return new Line(number, text, null, defaultName, false, "field 'prompt' is required, for example "
                        + "{\"prompt\": \"a red fox\"}");
            }
            String id = m.get("id") == null ? null : scalar(m, "id");
            String name = id == null ? defaultName : safeName(id);
            String seed = m.get("seed") == null ? null : scalar(m, "seed");
            GenerationRequest request = RequestOptions.build(prompt, string(m, "size"), string(m, "aspect"), seed,
                    count(m), string(m, "negative"), bool(m, "enhance"), bool(m, "safety"));
            return new Line(number, text, request, name, seed != null, null);
        } catch (SeedreamException | UsageException e) {
            return new Line(number, text, null, defaultName, false, Main.oneLine(e.getMessage()));
        }
    }

    /** A plain, portable file name from an id: letters, digits, dot, dash and underscore only; never a path. */
    static String safeName(String id) {
        StringBuilder s = new StringBuilder();
        for (char c : id.strip().toCharArray()) {
            s.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' ? c : '_');
        }
        String name = s.toString().replaceAll("^[._]+", "");
        if (name.length() > 80) {
            name = name.substring(0, 80);
        }
        if (name.isEmpty()) {
            throw new UsageException("field 'id' \"" + id + "\" has no letters or digits to name a file with");
        }
        return name;
    }

    private static String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String)) {
            throw new UsageException("field '" + key + "' must be a string, not " + Json.write(v));
        }
        return (String) v;
    }

    private static String scalar(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).toPlainString();
        }
        throw new UsageException("field '" + key + "' must be a string or a number, not " + Json.write(v));
    }

    private static int count(Map<String, Object> m) {
        Object v = m.get("n");
        if (v == null) {
            return 1;
        }
        if (!(v instanceof BigDecimal)) {
            throw new UsageException("field 'n' must be a whole number, not " + Json.write(v));
        }
        try {
            return ((BigDecimal) v).intValueExact();
        } catch (ArithmeticException e) {
            throw new UsageException("field 'n' must be a whole number, not " + Json.write(v));
        }
    }

    private static Boolean bool(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        throw new UsageException("field '" + key + "' must be true or false, not " + Json.write(v));
    }
}
