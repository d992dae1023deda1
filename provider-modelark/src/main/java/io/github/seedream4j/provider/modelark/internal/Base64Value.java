package io.github.seedream4j.provider.modelark.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;

/**
 * A {@code b64_json} value left where it lies in the answer's bytes instead of copied into a {@code String}: a 2K
 * image is 4 MiB of base64, and its {@code String}, with Jackson's text buffers on the way, cost four times that
 * before decoding began. Decoding is that of {@link Base64#getMimeDecoder()} on the value's text, so characters
 * outside the alphabet (line breaks) are skipped. A value holding a JSON escape ({@code \/}, {@code \n}) is read
 * by Jackson into text first, which keeps its meaning. Immutable.
 */
final class Base64Value {

    private final byte[] bytes;
    private final int from;
    private final int to;

    private Base64Value(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.from = from;
        this.to = to;
    }

    /**
     * @param text the value as text
     * @return the value of {@code text}
     */
    static Base64Value of(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        return new Base64Value(b, 0, b.length);
    }

    /**
     * {@return a reader of {@code type} whose {@code b64_json} values stay in {@code body}, the bytes it will read}
     *
     * @param reader a reader of a type with {@link Reader} on its {@code b64_json} values
     * @param body the bytes the reader is then given, and nothing else
     */
    static ObjectReader over(ObjectReader reader, byte[] body) {
        return reader.withAttribute(Reader.BODY, body);
    }

    /**
     * {@return the decoded bytes, in an array of their own}
     *
     * @throws IllegalArgumentException if the value is not base64
     */
    byte[] decode() {
        // the MIME decoder counts the output exactly before decoding, so the buffer's array is the result
        ByteBuffer out = Base64.getMimeDecoder().decode(ByteBuffer.wrap(bytes, from, to - from));
        byte[] array = out.array();
        return out.arrayOffset() == 0 && out.position() == 0 && out.limit() == array.length ? array
                : Arrays.copyOfRange(array, out.arrayOffset() + out.position(), out.arrayOffset() + out.limit());
    }

    /** {@return the length only: the value is an image} */
    @Override
    public String toString() {
        return "Base64Value[" + (to - from) + " characters]";
    }

    /**
     * Reads a {@code b64_json} value: a string without escapes in the bytes under {@link #BODY} becomes a range of
     * them; anything else reads as a {@code String} would (a number becomes its text, an object is an error).
     */
    static final class Reader extends ValueDeserializer<Base64Value> {

        /** The attribute holding the bytes being read; without it every value is copied into text. */
        static final Object BODY = Reader.class;

        @Override
        public Base64Value deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() == JsonToken.VALUE_STRING && ctxt.getAttribute(BODY) instanceof byte[] body) {
                long quote = p.currentTokenLocation().getByteOffset();
                // the check guards against a parser that counts its offsets otherwise: then the text is read
                if (quote >= 0 && quote < body.length && body[(int) quote] == '"') {
                    for (int i = (int) quote + 1; i < body.length; i++) {
                        if (body[i] == '"') {
                            // the parser skips the string's bytes when it moves on, without making text of them
                            return new Base64Value(body, (int) quote + 1, i);
                        }
                        if (body[i] == '\\') {
                            break;
                        }
                    }
                }
            }
            String text = ctxt.readValue(p, String.class);
            return text == null ? null : of(text);
        }
    }
}
