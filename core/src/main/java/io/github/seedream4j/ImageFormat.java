package io.github.seedream4j;

import java.util.Optional;

/**
 * The image formats seedream4j accepts from providers, recognised by their magic bytes (never by a file name or
 * a {@code Content-Type} header alone), with their pixel size read from the header.
 */
public enum ImageFormat {
    /** PNG, {@code image/png}. */
    PNG("image/png", "png"),
    /** JPEG, {@code image/jpeg}. */
    JPEG("image/jpeg", "jpg"),
    /** WebP, {@code image/webp}. */
    WEBP("image/webp", "webp");

    /** How many leading bytes {@link #dimensions(byte[], int)} may need; JPEG headers can sit after large EXIF blocks. */
    public static final int HEADER_BYTES = 256 * 1024;

    private final String mediaType;
    private final String extension;

    ImageFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** {@return the media type, for example {@code image/png}} */
    public String mediaType() {
        return mediaType;
    }

    /** {@return the usual file extension without a dot, for example {@code png}} */
    public String extension() {
        return extension;
    }

    /**
     * {@return the format whose magic bytes start {@code head} (of which the first {@code length} bytes are valid)}
     * Empty when the bytes match no known format or are too few.
     *
     * @param head the first bytes of the content, never {@code null}
     * @param length how many of them are valid; a length past the array counts as the array's length
     */
    public static Optional<ImageFormat> sniff(byte[] head, int length) {
        length = Math.min(length, head.length); // a length past the array must not throw
        if (length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                && head[4] == 0x0d && head[5] == 0x0a && head[6] == 0x1a && head[7] == 0x0a) {
            return Optional.of(PNG);
        }
        if (length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /**
     * {@return the format whose media type is {@code mediaType} (parameters such as {@code ;charset} are ignored)}
     * Case is ignored and {@code image/jpg} counts as JPEG.
     *
     * @param mediaType a {@code Content-Type} value, or {@code null} (which gives empty)
     */
    public static Optional<ImageFormat> ofMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String base = mediaType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (base.equals("image/jpg")) {
            return Optional.of(JPEG);
        }
        for (ImageFormat f : values()) {
            if (f.mediaType.equals(base)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The pixel size recorded in the header at the start of {@code head}, when the first {@code length} bytes
     * hold it; empty when the bytes are not this format or the header is cut short.
     *
     * @param head the first bytes of the content, never {@code null}
     * @param length how many of them are valid
     * @return the pixel size, when the header holds a valid one
     */
    public Optional<Resolution> dimensions(byte[] head, int length) {
        try {
            switch (this) {
                case PNG:
                    if (length >= 24 && head[12] == 'I' && head[13] == 'H' && head[14] == 'D' && head[15] == 'R') {
                        return size(int32(head, 16), int32(head, 20));
                    }
                    return Optional.empty();
                case JPEG:
                    return jpeg(head, length);
                case WEBP:
                    return webp(head, length);
                default:
                    return Optional.empty();
            }
        } catch (RuntimeException e) {
            return Optional.empty(); // a malformed header is "unknown size", never a crash
        }
    }

    private static Optional<Resolution> jpeg(byte[] b, int length) {
        int i = 2;
        while (i + 4 <= length) {
            if ((b[i] & 0xff) != 0xff) {
                return Optional.empty();
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xff) { // fill byte
                i++;
                continue;
            }
            if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                i += 2;
                continue;
            }
            int segment = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            boolean sof = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (sof) {
                if (i + 9 > length) {
                    return Optional.empty();
                }
                int height = ((b[i + 5] & 0xff) << 8) | (b[i + 6] & 0xff);
                int width = ((b[i + 7] & 0xff) << 8) | (b[i + 8] & 0xff);
                return size(width, height);
            }
            if (marker == 0xda || segment < 2) {
                return Optional.empty();
            }
            i += 2 + segment;
        }
        return Optional.empty();
    }

    private static Optional<Resolution> webp(byte[] b, int length) {
        if (length < 30) {
            return Optional.empty();
        }
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8 ":
                return size((le16(b, 26) & 0x3fff), (le16(b, 28) & 0x3fff));
            case "VP8L": {
                int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
                return size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
            }
            case "VP8X":
                return size(le24(b, 24) + 1, le24(b, 27) + 1);
            default:
                return Optional.empty();
        }
    }

    private static Optional<Resolution> size(long w, long h) {
        if (w < 1 || h < 1 || w > Resolution.MAX_SIDE || h > Resolution.MAX_SIDE) {
            return Optional.empty();
        }
        return Optional.of(new Resolution((int) w, (int) h));
    }

    private static long int32(byte[] b, int o) {
        return ((long) (b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
    }

    private static int le16(byte[] b, int o) {
        return (b[o] & 0xff) | (b[o + 1] & 0xff) << 8;
    }

    private static int le24(byte[] b, int o) {
        return (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16;
    }

    /** Whether a whole encoded image ends as its format says: PNG with IEND, JPEG with EOI, WebP at its RIFF size. */
    static boolean isComplete(ImageFormat format, byte[] b) {
        int n = b.length;
        return switch (format) {
            case PNG -> n >= 20 && b[n - 8] == 'I' && b[n - 7] == 'E' && b[n - 6] == 'N' && b[n - 5] == 'D';
            case JPEG -> n >= 4 && (b[n - 2] & 0xff) == 0xff && (b[n - 1] & 0xff) == 0xd9;
            case WEBP -> n >= 12 && int32le(b, 4) + 8 <= n;
        };
    }

    private static long int32le(byte[] b, int o) {
        return (b[o] & 0xffL) | (b[o + 1] & 0xffL) << 8 | (b[o + 2] & 0xffL) << 16 | (b[o + 3] & 0xffL) << 24;
    }
}
