package io.github.seedream4j;

/**
 * The text of a prompt (or of a negative prompt): non-blank and at most {@link #MAX_LENGTH} characters.
 *
 * <p>Seedream reads Chinese and English; ByteDance recommends under about 600 English words, and one reseller
 * documents a hard limit of 10,000 characters, which is the limit enforced here. The text is kept exactly as
 * given (no trimming), because providers receive it verbatim.
 *
 * @param text the prompt text; never {@code null}, never blank
 */
public record Prompt(String text) {

    /** The longest prompt accepted, in UTF-16 code units ({@link String#length()}). */
    public static final int MAX_LENGTH = 10_000;

    /**
     * Checks the text.
     *
     * @param text the prompt text, kept as given
     * @throws InvalidRequestException if {@code text} is null, blank (nothing but spaces, no-break spaces,
     *         zero-width or control characters) or longer than {@link #MAX_LENGTH}
     */
    public Prompt {
        if (text == null) {
            throw new InvalidRequestException("prompt must not be null: pass the text to generate from");
        }
        if (isBlank(text)) {
            throw new InvalidRequestException("prompt must not be blank: describe the image to generate");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidRequestException("prompt is " + text.length() + " characters long; the limit is "
                    + MAX_LENGTH + ". Shorten it (Seedream works best under about 600 words)");
        }
    }

    /** Blank means no visible character: whitespace, no-break spaces, zero-width and other format characters. */
    private static boolean isBlank(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT || Character.isISOControl(c));
    }

    /**
     * Same as {@code new Prompt(text)}.
     *
     * @param text the prompt text, kept as given
     * @return the prompt
     * @throws InvalidRequestException if {@code text} is null, blank or longer than {@link #MAX_LENGTH}
     */
    public static Prompt of(String text) {
        return new Prompt(text);
    }

    /** {@return the text, exactly as given} */
    @Override
    public String toString() {
        return text;
    }
}
