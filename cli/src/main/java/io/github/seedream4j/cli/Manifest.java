package io.github.seedream4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch's journal, {@code manifest.jsonl} in the output directory: one JSON record appended per event and forced
 * to disk before the next step, so a batch killed at any moment (even with {@code kill -9}) knows on its next run
 * which lines are done and which provider jobs it is still owed. Thread-safe.
 */
final class Manifest implements AutoCloseable {

    static final String FILE_NAME = "manifest.jsonl";

    /** What the manifest says about one image of one line (the last record wins; a job id, once known, sticks). */
    static final class Entry {
        String status;
        String provider;
        String job;
        Long seed;
        String fingerprint;
    }

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Entry> entries;
    private final List<String> problems;

    private Manifest(Path file, FileChannel channel, Map<String, Entry> entries, List<String> problems) {
        this.file = file;
        this.channel = channel;
        this.entries = entries;
        this.problems = problems;
    }

    static Manifest open(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        Map<String, Entry> entries = new HashMap<>();
        List<String> problems = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String text = lines.get(i);
                    if (text.isBlank()) {
                        continue;
                    }
                    try {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> r = (Map<String, Object>) Json.parse(text);
                        Entry e = entries.computeIfAbsent(key(((BigDecimal) r.get("line")).intValue(),
                                r.get("image") == null ? 0 : ((BigDecimal) r.get("image")).intValue()), k -> new Entry());
                        e.status = (String) r.get("status");
                        if (r.get("provider") != null) {
                            e.provider = (String) r.get("provider");
                        }
                        if (r.get("job") != null) {
                            e.job = (String) r.get("job");
                        }
                        if (r.get("seed") != null) {
                            e.seed = ((BigDecimal) r.get("seed")).longValue();
                        }
                        if (r.get("fingerprint") != null) {
                            e.fingerprint = (String) r.get("fingerprint");
                        }
                    } catch (Json.ParseException | RuntimeException ex) {
                        // a record cut short by a crash mid-write; everything before it is intact
                        problems.add("manifest " + file + " line " + (i + 1) + " is unreadable and was ignored");
                    }
                }
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            if (channel.size() > 0 && !endsWithNewline(file)) {
                channel.write(ByteBuffer.wrap("\n".getBytes(StandardCharsets.UTF_8)));
            }
            return new Manifest(file, channel, entries, problems);
        } catch (IOException e) {
            throw new UsageException("cannot open the batch manifest " + file + " (" + e.getMessage()
                    + "); check that the output directory is writable");
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return all.length == 0 || all[all.length - 1] == '\n';
    }

    static String key(int line, int image) {
        return line + "/" + image;
    }

    Path file() {
        return file;
    }

    List<String> problems() {
        return problems;
    }

    /** What an earlier run recorded for this image of this line, or null. */
    Entry entry(int line, int image) {
        return entries.get(key(line, image));
    }

    /** Appends a record: written, flushed and forced to disk before returning. */
    synchronized void append(int line, int image, String status, Map<String, Object> fields) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("line", line);
        if (image > 0) {
            r.put("image", image);
        }
        r.put("status", status);
        r.putAll(fields);
        r.put("at", Instant.now().toString());
        byte[] bytes = (Json.write(r) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the batch manifest " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to save
        }
    }
}
