package io.github.seedream4j.cli;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ReferenceImage;
import io.github.seedream4j.Seed;
import io.github.seedream4j.SeedreamException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A batch file: one JSON object per line (see {@link BatchLine}). Blank lines and lines starting with {@code #} are
 * skipped but counted, so line numbers match an editor's; a UTF-8 byte-order mark is accepted. Every resource a line
 * can claim is bounded ({@link Jsons}): a line that is too long, too deep or holds an over-long number or string fails
 * alone with a message quoting at most a short prefix. Before anything is sent, every file name of the whole file
 * (after {@code n} expands a line into several images, and a sequential set into its numbered files) is checked
 * against every other.
 *
 * <p>Reference image files are read and checked when the file is read, but not kept: a batch that edits a thousand
 * photos holds only the images of the generations running. Each file is read again when its line is sent, and
 * refused if its content changed in between.
 */
final class BatchFile {

    private static final String FIELD_LIST = String.join(", ", BatchLine.FIELDS);
    private static final String EXAMPLE = "{\"prompt\": \"a red fox\"}";

    /**
     * One line: a request with the base name its images get, or what is wrong with it.
     *
     * @param number 1-based line number
     * @param request the request without its reference images, or null when the line is invalid
     * @param images the line's reference images, in order; empty for text to image or an invalid line
     * @param name the file base name: the sanitised {@code id}, else {@code line-N}
     * @param error what is wrong, or null
     */
    record Line(int number, GenerationRequest request, List<Image> images, String name, String error) {
        Line {
            images = List.copyOf(images);
        }

        static Line invalid(int number, String name, String error) {
            return new Line(number, null, List.of(), name, error);
        }

        boolean valid() {
            return error == null;
        }

        /** The request as the line asks for it, with its reference images read again now. */
        GenerationRequest withImages() {
            return Image.attach(request, images);
        }
    }

    /**
     * A reference image of a line: a URL, sent as it is, or a file, identified by the hash of its content.
     *
     * @param file the file, resolved against the batch file's directory; null for a URL
     * @param url the URL; null for a file
     * @param sha256 the hex SHA-256 of the file's content when the batch file was read; null for a URL
     */
    record Image(Path file, ReferenceImage url, String sha256) {

        /** {@code value} as read into {@code image}: a file (relative to {@code base}) by its content's hash, or a URL. */
        static Image of(String value, Path base, ReferenceImage image) {
            return image.inline().map(i -> new Image(base.resolve(value), null, contentHash(i.bytes())))
                    .orElseGet(() -> new Image(null, image, null));
        }

        /** The image to send: a URL as it is, a file read again; a file whose content changed is refused. */
        ReferenceImage load() {
            if (url != null) {
                return url;
            }
            ReferenceImage image = ReferenceImage.file(file);
            if (!contentHash(image.inline().orElseThrow().bytes()).equals(sha256)) {
                throw new UsageException("image file " + file + " changed after the batch file was read; run the "
                        + "batch again to send it as it is now");
            }
            return image;
        }

        /** What the fingerprint holds: a file's content, never its path, so moving it changes nothing. */
        String identity() {
            return url != null ? "url=" + ((ReferenceImage.Remote) url).uri() : "sha256=" + sha256;
        }

        static GenerationRequest attach(GenerationRequest request, List<Image> images) {
            if (images.isEmpty()) {
                return request;
            }
            List<ReferenceImage> loaded = new ArrayList<>();
            for (Image i : images) {
                loaded.add(i.load());
            }
            return request.withImages(loaded);
        }
    }

    /**
     * One generation of one line: the unit of submission, resumption, accounting and the manifest. A line with
     * {@code n} above 1 makes {@code n} units of one image each; a sequential set is one unit with numbered files.
     *
     * @param line the line
     * @param image 1-based when the line asks for several independent images, else 0
     * @param name the file base name: the line's name, with {@code -1}, {@code -2}, ... for several images
     * @param request the request of this unit without its reference images: count 1 (or a set), and the seed the
     *        line gives, moved on by the image's index
     * @param fingerprint identifies {@code request} and its reference images as the line asks for them, to notice a
     *        line edited between runs
     */
    record Unit(Line line, int image, String name, GenerationRequest request, String fingerprint) {
        String label() {
            return "line " + line.number() + (image == 0 ? "" : " image " + image);
        }

        /** The request to send, with the line's reference images read again now. */
        GenerationRequest withImages() {
            return Image.attach(request, line.images());
        }

        /** The most files this unit can write: one, or a set's. */
        int files() {
            return request.outputs();
        }

        /**
         * Every file base name this unit may write: its name, and a set's numbered names. A set is named
         * {@code NAME-1} ... (or {@code NAME} when the provider makes one image), so both count.
         */
        List<String> fileNames() {
            List<String> names = new ArrayList<>(List.of(name));
            if (request.maxImages().isPresent() && files() > 1) {
                for (int i = 1; i <= files(); i++) {
                    names.add(name + "-" + i);
                }
            }
            return names;
        }

        /** The label of {@code fileName}, one of {@link #fileNames()}: a set's file has its place in the set. */
        String labelOf(String fileName) {
            return fileName.equals(name) ? label() : label() + " image " + fileName.substring(name.length() + 1);
        }
    }

    /** Every line, and the units of the valid ones, in file order. */
    record Contents(List<Line> lines, List<Unit> units) {
        List<Line> invalid() {
            return lines.stream().filter(l -> !l.valid()).toList();
        }
    }

    private BatchFile() {
    }

    /**
     * Reads the file; a bad line becomes a {@link Line} with an error, the others still count. Reference image files
     * are relative to the batch file's directory.
     */
    static Contents read(Path file) {
        Path base = file.getParent() == null ? Path.of("") : file.getParent();
        List<Line> lines = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            RawLines raw = new RawLines(in);
            for (RawLine r = raw.next(); r != null; r = raw.next()) {
                if (r.tooLong()) {
                    lines.add(Line.invalid(r.number(), defaultName(r.number()), "the line is longer than "
                            + Jsons.MAX_LINE_BYTES + " bytes (it begins " + Text.quote(r.text()) + "); a line holds one "
                            + "JSON object such as " + EXAMPLE));
                } else if (!r.skipped()) {
                    lines.add(parse(r.number(), r.bytes(), base));
                }
            }
        } catch (IOException e) {
            throw new UsageException("cannot read batch file " + file + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); check the path");
        }
        return expand(lines);
    }

    /** Parses one line; its reference image files are relative to {@code base}. */
    static Line parse(int number, byte[] json, Path base) {
        String name = defaultName(number);
        BatchLine b;
        try {
            b = Jsons.MAPPER.readValue(json, BatchLine.class);
        } catch (JacksonException e) {
            return Line.invalid(number, name, jsonError(e, json.length));
        }
        if (b == null) {
            return Line.invalid(number, name, "expected a JSON object such as " + EXAMPLE);
        }
        if (b.prompt() == null) {
            return Line.invalid(number, name, "field 'prompt' is required, for example " + EXAMPLE);
        }
        try {
            if (b.id() != null) {
                name = safeName(b.id().text());
            }
            GenerationRequest request = RequestOptions.build(b.prompt(), b.size(), b.aspect(),
                    b.seed() == null ? null : b.seed().text(), b.n() == null ? 1 : b.n(), b.negative(), b.enhance(),
                    b.safety(), b.model(), b.maxImages());
            List<Image> images = new ArrayList<>();
            List<ReferenceImage> read = new ArrayList<>();
            for (String value : b.images() == null ? List.<String>of() : b.images()) {
                if (value == null) {
                    throw new UsageException("field 'images' holds null; it must be " + BatchLine.expected("images"));
                }
                ReferenceImage image = RequestOptions.image(value, base);
                read.add(image);
                images.add(Image.of(value, base, image));
            }
            // core checks inputs and outputs together; the bytes read are dropped with this request
            request.withImages(read);
            return new Line(number, request, images, name, null);
        } catch (SeedreamException | UsageException e) {
            return Line.invalid(number, name, Text.prefix(e.getMessage(), 400));
        }
    }

    private static String jsonError(JacksonException e, int length) {
        if (e instanceof Jsons.LimitExceeded) {
            Jsons.LimitExceeded x = (Jsons.LimitExceeded) e;
            switch (x.limit) {
                case DEPTH:
                    return "the JSON nests deeper than " + x.max + " levels; a line is one flat object such as " + EXAMPLE;
                case NUMBER:
                    return "a number is longer than " + x.max + " characters; seeds and counts are short whole numbers";
                case STRING:
                    return "a string is longer than " + x.max + " characters (a prompt may have at most 10000)";
                default:
                    return "a field name is longer than " + x.max + " characters; the fields are " + FIELD_LIST;
            }
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field " + Text.quote(((UnrecognizedPropertyException) e).getPropertyName())
                    + "; the fields are " + FIELD_LIST;
        }
        if (e instanceof DatabindException || e instanceof InputCoercionException) {
            String field = field(e);
            return field == null ? "expected a JSON object such as " + EXAMPLE
                    : "field '" + field + "' must be " + BatchLine.expected(field);
        }
        if (e instanceof UnexpectedEndOfInputException || e instanceof StreamReadException && e.getLocation() != null
                && e.getLocation().getByteOffset() >= length) {
            return "invalid JSON: the line ends before its object is closed; a line holds one whole object such as "
                    + EXAMPLE;
        }
        String where = e.getLocation() == null || e.getLocation().getColumnNr() < 1 ? ""
                : " at column " + e.getLocation().getColumnNr();
        if (e instanceof StreamReadException) {
            return "invalid JSON" + where + ": " + Text.prefix(e.getOriginalMessage(), 160);
        }
        return "unreadable line" + where + ": " + Text.prefix(e.getOriginalMessage(), 160);
    }

    /** The batch field a databind error is about, or null for the line itself. */
    private static String field(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        if (path.isEmpty()) {
            return null;
        }
        String name = path.get(0).getPropertyName();
        return BatchLine.FIELDS.contains(name) ? name : null;
    }

    /**
     * Expands valid lines into their units and refuses, before anything is sent, every line with a file name that
     * an earlier line already produces (names compare ignoring case, as on macOS and Windows file systems).
     */
    static Contents expand(List<Line> lines) {
        List<Line> checked = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        Map<String, String> taken = new HashMap<>();
        for (Line line : lines) {
            if (!line.valid()) {
                checked.add(line);
                continue;
            }
            List<Unit> mine = units(line);
            String clash = null;
            String clashing = null;
            for (Unit u : mine) {
                for (String f : u.fileNames()) {
                    clash = taken.get(f.toLowerCase(Locale.ROOT));
                    if (clash != null) {
                        clashing = f;
                        break;
                    }
                }
                if (clash != null) {
                    break;
                }
            }
            if (clash != null) {
                checked.add(Line.invalid(line.number(), line.name(), "its file name '" + clashing + "' is also the "
                        + "name of " + clash + " (files get the line's id, plus -1, -2, ... when n or max_images is "
                        + "above 1); give this line another id"));
                continue;
            }
            for (Unit u : mine) {
                for (String f : u.fileNames()) {
                    taken.put(f.toLowerCase(Locale.ROOT), u.labelOf(f));
                }
            }
            checked.add(line);
            units.addAll(mine);
        }
        return new Contents(List.copyOf(checked), List.copyOf(units));
    }

    private static List<Unit> units(Line line) {
        int n = line.request().count();
        GenerationRequest one = line.request().withCount(1);
        List<Unit> units = new ArrayList<>();
        if (n == 1) {
            units.add(new Unit(line, 0, line.name(), one, fingerprint(one, line.images())));
            return units;
        }
        for (int i = 1; i <= n; i++) {
            int offset = i - 1;
            GenerationRequest r = one.seed().map(s -> one.withSeed(s.plus(offset))).orElse(one);
            units.add(new Unit(line, i, line.name() + "-" + i, r, fingerprint(r, line.images())));
        }
        return units;
    }

    /**
     * The request as the line asks for it, hashed: the prompts, size, seed (when given) and switches, then the
     * model, the set's size and each reference image (a file by its content) when given. Those come last and only
     * when given, so a line without them keeps the fingerprint it had before they existed.
     */
    static String fingerprint(GenerationRequest r, List<Image> images) {
        List<String> parts = new ArrayList<>(List.of(r.prompt().text(),
                r.negativePrompt().map(p -> p.text()).orElse(""), r.size().toString(),
                r.seed().map(Seed::toString).orElse(""), String.valueOf(r.enhancePrompt().orElse(null)),
                String.valueOf(r.safetyChecker().orElse(null))));
        r.model().ifPresent(m -> parts.add("model=" + m.label()));
        r.maxImages().ifPresent(m -> parts.add("max_images=" + m));
        images.forEach(i -> parts.add("image=" + i.identity()));
        byte[] hash = digest(Jsons.MAPPER.writeValueAsString(parts).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash, 0, 8);
    }

    /** The hex SHA-256 of {@code bytes}. */
    static String contentHash(byte[] bytes) {
        return HexFormat.of().formatHex(digest(bytes));
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String defaultName(int number) {
        return "line-" + number;
    }

    /** A plain, portable file name from an id: letters, digits, dot, dash and underscore only; never a path. */
    static String safeName(String id) {
        StringBuilder s = new StringBuilder();
        String stripped = id.strip();
        for (int i = 0; i < stripped.length() && s.length() < 80; i++) {
            char c = stripped.charAt(i);
            s.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' ? c : '_');
        }
        String name = s.toString().replaceAll("^[._]+", "");
        if (name.isEmpty()) {
            throw new UsageException("field 'id' " + Text.quote(id) + " has no letters or digits to name a file with");
        }
        return name;
    }

    /** One physical line of the file, without its line break. */
    record RawLine(int number, byte[] bytes, boolean tooLong, boolean skipped) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * Splits a stream into lines of at most {@link Jsons#MAX_LINE_BYTES} bytes; of a longer line only a short head is
     * kept, the rest is skipped. A byte-order mark at the start of the file is dropped.
     */
    static final class RawLines {
        private static final int HEAD = 64;
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;
        private int number;
        private boolean eof;

        RawLines(InputStream in) {
            this.in = in;
        }

        RawLine next() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean tooLong = false;
            boolean ended = false;
            boolean any = false;
            while (!ended) {
                if (position == limit) {
                    if (eof || !fill()) {
                        break;
                    }
                }
                any = true;
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int room = Jsons.MAX_LINE_BYTES + 1 - line.size();
                int take = Math.min(room, position - start);
                line.write(buffer, start, take);
                tooLong |= take < position - start;
                if (position < limit) {
                    position++; // the line break
                    ended = true;
                }
            }
            if (!any) {
                return null;
            }
            number++;
            byte[] bytes = line.toByteArray();
            int from = 0;
            if (number == 1 && bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                    && (bytes[2] & 0xff) == 0xbf) {
                from = 3;
            }
            int end = bytes.length;
            if (!tooLong && end > from && bytes[end - 1] == '\r') {
                end--;
            }
            if (tooLong || end - from > Jsons.MAX_LINE_BYTES) {
                return new RawLine(number, Arrays.copyOfRange(bytes, from, from + HEAD), true, false);
            }
            byte[] content = Arrays.copyOfRange(bytes, from, end);
            return new RawLine(number, content, false, blankOrComment(content));
        }

        private boolean fill() throws IOException {
            int n = in.read(buffer);
            if (n <= 0) {
                eof = true;
                return false;
            }
            position = 0;
            limit = n;
            return true;
        }

        private static boolean blankOrComment(byte[] bytes) {
            for (byte c : bytes) {
                if (c == ' ' || c == '\t') {
                    continue;
                }
                return c == '#';
            }
            return true;
        }
    }
}
