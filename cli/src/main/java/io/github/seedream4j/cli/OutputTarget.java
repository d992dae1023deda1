package io.github.seedream4j.cli;

import io.github.seedream4j.GenerationRequest;
import io.github.seedream4j.ImageFormat;
import io.github.seedream4j.SeedreamModel;
import io.github.seedream4j.spi.Capabilities;
import io.github.seedream4j.spi.ModelOffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where {@code --out FILE} puts images: FILE's directory and its name without an image extension. The extension of
 * the written file follows the image's real format, so {@code --out a.jpg} may write {@code a.png}.
 */
record OutputTarget(Path directory, String baseName) {

    static OutputTarget of(String out) {
        Path p = Path.of(out);
        if (out.endsWith("/") || Files.isDirectory(p)) {
            return new OutputTarget(p, "seedream");
        }
        Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
            for (ImageFormat f : ImageFormat.values()) {
                if (f.extension().equals(ext) || ext.equals("jpeg") || ext.equals("jpg")) {
                    name = name.substring(0, dot);
                    break;
                }
            }
        }
        return new OutputTarget(dir, name);
    }

    /**
     * How many files {@code request} can write: a sequential set's size where the provider makes sets with the
     * model, else the count (a set asked of a model that makes none is one image, with a warning). With more than
     * one, files are numbered {@code NAME-1}, {@code NAME-2}, ...
     */
    static int files(Capabilities capabilities, GenerationRequest request) {
        if (request.maxImages().isEmpty()) {
            return request.count();
        }
        return makesSet(capabilities, request) ? request.maxImages().getAsInt() : 1;
    }

    /** Whether {@code request} asks for a sequential set and the provider makes sets with its model. */
    static boolean makesSet(Capabilities capabilities, GenerationRequest request) {
        SeedreamModel model = request.model().orElse(capabilities.defaultModel().model());
        return request.maxImages().isPresent()
                && capabilities.offer(model).map(ModelOffer::sequential).orElse(false);
    }

    /** The first file that would be replaced by {@code count} images under this name, in any image format. */
    Optional<Path> existing(int count) {
        for (int i = 1; i <= count; i++) {
            for (ImageFormat f : ImageFormat.values()) {
                Path file = directory.resolve(baseName + (count == 1 ? "" : "-" + i) + "." + f.extension());
                if (Files.exists(file)) {
                    return Optional.of(file);
                }
            }
        }
        return Optional.empty();
    }
}
