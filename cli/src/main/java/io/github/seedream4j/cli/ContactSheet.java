package io.github.seedream4j.cli;

import io.github.seedream4j.cli.ManifestRecord.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@code index.html} next to the manifest: every image of the batch as a thumbnail with its prompt, seed, size,
 * provider, cost and status, and failed lines as such. Self-contained (no script, no style sheet or font to fetch;
 * images are the files beside it) and well-formed XHTML, with every value escaped, so a prompt cannot inject markup.
 * Rewritten atomically as the batch runs, at most once a second, and at the end.
 */
final class ContactSheet {

    static final String FILE_NAME = "index.html";
    private static final long MIN_INTERVAL_NANOS = 1_000_000_000L;

    private final Path file;
    private final String title;
    private final BatchFile.Contents contents;
    private final Manifest manifest;
    private long lastWrite = Long.MIN_VALUE;

    ContactSheet(Path directory, String title, BatchFile.Contents contents, Manifest manifest) {
        this.file = directory.resolve(FILE_NAME);
        this.title = title;
        this.contents = contents;
        this.manifest = manifest;
    }

    Path file() {
        return file;
    }

    /** Rewrites the page, unless it was written less than a second ago and {@code force} is false. */
    synchronized void update(boolean force) {
        long now = System.nanoTime();
        if (!force && lastWrite != Long.MIN_VALUE && now - lastWrite < MIN_INTERVAL_NANOS) {
            return;
        }
        lastWrite = now;
        write(render());
    }

    String render() {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width\"/>\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;background:#fafafa;color:#222}\n")
                .append(".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:1em}\n")
                .append(".card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6em}\n")
                .append(".card img{width:100%;height:220px;object-fit:contain;background:#eee}\n")
                .append(".ph{height:220px;display:flex;align-items:center;justify-content:center;background:#eee;"
                        + "color:#777}\n")
                .append(".prompt{margin:.4em 0;word-wrap:break-word}\n.meta{color:#555;font-size:12px}\n")
                .append(".failed{border-color:#c33}.failed .status{color:#c33}.done .status{color:#282}\n")
                .append(".error{color:#c33;font-size:12px;word-wrap:break-word}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n<div class=\"grid\">\n");
        java.util.List<BatchFile.Unit> units = contents.units();
        int next = 0;
        for (BatchFile.Line line : contents.lines()) {
            if (!line.valid()) {
                card(h, "failed", "line " + line.number(), null, null, null, "failed", line.error());
                continue;
            }
            // units are in file order: this line's are the next ones
            while (next < units.size() && units.get(next).line() == line) {
                unit(h, units.get(next++));
            }
        }
        h.append("</div>\n</body>\n</html>\n");
        return h.toString();
    }

    private void unit(StringBuilder h, BatchFile.Unit u) {
        Optional<Manifest.Entry> entry = manifest.entry(u.name());
        String prompt = u.request().prompt().text();
        String size = u.request().size().resolution().toString();
        if (entry.isPresent() && entry.get().done != null) {
            ManifestRecord d = entry.get().done;
            String meta = "seed " + (d.seed() == null ? "-" : d.seed()) + " · " + (d.pixels() == null ? size : d.pixels())
                    + " · " + d.provider() + " · " + money(d.cost());
            if (d.files() == null || d.files().isEmpty()) {
                card(h, "done", u.label() + " · " + u.name(), null, prompt, meta, "done", null);
                return;
            }
            // a sequential set: one card per image, each under its own file name; the cost is the set's
            for (String f : d.files()) {
                String image = Path.of(f).getFileName().toString();
                String heading = d.files().size() == 1 ? u.label() + " · " + u.name()
                        : u.label() + " · " + image.substring(0, Math.max(image.lastIndexOf('.'), 0));
                card(h, "done", heading, image, prompt, meta, "done", null);
            }
            return;
        }
        ManifestRecord last = entry.map(e -> e.last).orElse(null);
        String status = last == null ? "waiting" : last.status() == ManifestRecord.Status.SUBMITTED ? "running"
                : last.status().name().toLowerCase(java.util.Locale.ROOT);
        String meta = size + (last == null || last.provider() == null ? "" : " · " + last.provider());
        String detail = last == null ? null : last.error() != null ? last.error()
                : last.reason() != null ? "skipped: " + last.reason() : null;
        card(h, "failed".equals(status) ? "failed" : "waiting", u.label() + " · " + u.name(), null, prompt, meta,
                status, detail);
    }

    private static void card(StringBuilder h, String css, String heading, String image, String prompt, String meta,
            String status, String error) {
        h.append("<div class=\"card ").append(css).append("\">\n");
        if (image != null) {
            h.append("<a href=\"").append(escape(href(image))).append("\"><img src=\"").append(escape(href(image)))
                    .append("\" alt=\"").append(escape(prompt == null ? heading : prompt))
                    .append("\" loading=\"lazy\"/></a>\n");
        } else {
            h.append("<div class=\"ph\">").append(escape(status)).append("</div>\n");
        }
        h.append("<div class=\"meta\">").append(escape(heading)).append(" · <span class=\"status\">")
                .append(escape(status)).append("</span></div>\n");
        if (prompt != null) {
            h.append("<p class=\"prompt\">").append(escape(prompt)).append("</p>\n");
        }
        if (meta != null) {
            h.append("<div class=\"meta\">").append(escape(meta)).append("</div>\n");
        }
        if (error != null) {
            h.append("<p class=\"error\">").append(escape(error)).append("</p>\n");
        }
        h.append("</div>\n");
    }

    private static String money(Money m) {
        if (m == null || m.amount() == null) {
            return "cost unknown";
        }
        return m.amount().toPlainString() + " " + m.currency() + " (" + m.basis() + ")";
    }

    /** A relative link to a file beside the page; the name is percent-encoded, so it can never be a scheme. */
    private static String href(String fileName) {
        return URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Text for an element or an attribute: sanitised, then every markup character escaped. */
    static String escape(String text) {
        String clean = Text.line(text);
        StringBuilder s = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&':
                    s.append("&amp;");
                    break;
                case '<':
                    s.append("&lt;");
                    break;
                case '>':
                    s.append("&gt;");
                    break;
                case '"':
                    s.append("&quot;");
                    break;
                case '\'':
                    s.append("&#39;");
                    break;
                default:
                    s.append(c);
            }
        }
        return s.toString();
    }

    private void write(String html) {
        Path tmp = file.resolveSibling("." + FILE_NAME + ".tmp");
        try {
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the contact sheet " + file + ": " + e.getMessage(), e);
        }
    }
}
