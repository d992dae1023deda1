package io.github.seedream4j.cli;

import tools.jackson.core.ErrorReportConfiguration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The CLI's one JSON layer (Jackson, with records): a writer for {@code --json} output and the manifest, and a
 * reader for untrusted lines whose every resource is bounded, so that a hostile batch line fails that line alone
 * with a short message instead of exhausting memory or the stack.
 */
final class Jsons {

    /** The longest batch or manifest line read, in bytes: room for two 10,000-character prompts fully escaped. */
    static final int MAX_LINE_BYTES = 256 * 1024;
    /** Deepest nesting: a line is a flat object; a manifest record nests two levels. */
    static final int MAX_DEPTH = 8;
    /** Longest number, in characters: seeds, counts and amounts are short. */
    static final int MAX_NUMBER_LENGTH = 32;
    /** Longest string, in characters: the longest prompt core accepts is 10,000. */
    static final int MAX_STRING_LENGTH = 16_384;
    /** Longest field name. */
    static final int MAX_NAME_LENGTH = 64;

    /** Writes output and manifest records; reads manifest records and batch lines within the limits above. */
    static final JsonMapper MAPPER = mapper();

    private Jsons() {
    }

    /** Which limit a line broke. */
    enum Limit {
        DEPTH, NUMBER, STRING, NAME
    }

    /** A line broke a {@link Limit}: raised by the parser itself, before the value is built. */
    static final class LimitExceeded extends StreamConstraintsException {
        private static final long serialVersionUID = 1L;
        final Limit limit;
        final int max;

        LimitExceeded(Limit limit, int max) {
            super(limit + " limit " + max + " exceeded");
            this.limit = limit;
            this.max = max;
        }
    }

    /** Jackson's constraints, raising {@link LimitExceeded} so that each limit gets its own message. */
    private static final class Limits extends StreamReadConstraints {
        private static final long serialVersionUID = 1L;

        Limits() {
            super(MAX_DEPTH, MAX_LINE_BYTES, MAX_LINE_BYTES, MAX_NUMBER_LENGTH, MAX_STRING_LENGTH, MAX_NAME_LENGTH);
        }

        @Override
        public void validateNestingDepth(int depth) {
            check(depth, _maxNestingDepth, Limit.DEPTH);
        }

        @Override
        public void validateFPLength(int length) {
            check(length, _maxNumLen, Limit.NUMBER);
        }

        @Override
        public void validateIntegerLength(int length) {
            check(length, _maxNumLen, Limit.NUMBER);
        }

        @Override
        public void validateStringLength(int length) {
            check(length, _maxStringLen, Limit.STRING);
        }

        @Override
        public void validateNameLength(int length) {
            check(length, _maxNameLen, Limit.NAME);
        }

        @Override
        public void validateBigIntegerScale(int scale) {
            // a number is never widened to a BigInteger of this scale; refuse it as too long
            check(Math.abs((long) scale), _maxNumLen, Limit.NUMBER);
        }

        private static void check(long value, int max, Limit limit) {
            if (value > max) {
                throw new LimitExceeded(limit, max);
            }
        }
    }

    /**
     * A string or a number, as written: a seed or an id may be either, and a number is kept as its text so that
     * {@code 1e999999999} is never expanded into a billion digits.
     */
    record Scalar(String text, boolean number) {
    }

    private static final class ScalarReader extends StdDeserializer<Scalar> {
        ScalarReader() {
            super(Scalar.class);
        }

        @Override
        public Scalar deserialize(JsonParser p, DeserializationContext context) {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_STRING) {
                return new Scalar(p.getString(), false);
            }
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                return new Scalar(p.getString(), true);
            }
            return (Scalar) context.handleUnexpectedToken(Scalar.class, p);
        }
    }

    private static JsonMapper mapper() {
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(new Limits())
                .errorReportConfiguration(ErrorReportConfiguration.builder().maxErrorTokenLength(Text.QUOTE_LIMIT)
                        .maxRawContentLength(Text.QUOTE_LIMIT).build())
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new SimpleModule("seedream-cli").addDeserializer(Scalar.class, new ScalarReader()))
                .build();
    }
}
