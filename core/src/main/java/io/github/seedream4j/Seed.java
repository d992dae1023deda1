package io.github.seedream4j;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The seed of a generation, from 0 to {@link #MAX}. A request without a seed gets a {@link #random()} one chosen by
 * the client before anything is sent, and the result reports it, so every image can be generated again.
 *
 * @param value 0 to {@link #MAX}
 */
public record Seed(long value) {

    /** The largest seed: 2<sup>31</sup> - 1, the largest value every known provider accepts. */
    public static final long MAX = Integer.MAX_VALUE;

    /**
     * Checks the range.
     *
     * @param value 0 to {@link #MAX}
     * @throws InvalidRequestException if {@code value} is outside 0 to {@link #MAX}
     */
    public Seed {
        if (value < 0 || value > MAX) {
            throw new InvalidRequestException("seed " + value + " is out of range: use a whole number from 0 to "
                    + MAX + ", or leave the seed out and the client picks one and reports it");
        }
    }

    /**
     * Same as {@code new Seed(value)}.
     *
     * @param value 0 to {@link #MAX}
     * @return the seed
     * @throws InvalidRequestException if {@code value} is outside 0 to {@link #MAX}
     */
    public static Seed of(long value) {
        return new Seed(value);
    }

    /** {@return a seed chosen uniformly at random from 0 to {@link #MAX}} Not for cryptographic use. */
    public static Seed random() {
        return new Seed(ThreadLocalRandom.current().nextLong(MAX + 1));
    }

    /**
     * Parses a decimal seed. Surrounding white space is ignored.
     *
     * @param text the seed in decimal, for example {@code "42"}; {@code null} is refused like any bad text
     * @return the seed
     * @throws InvalidRequestException naming the text when it is not a whole number from 0 to {@link #MAX}
     */
    public static Seed parse(String text) {
        try {
            return new Seed(Long.parseLong(text == null ? "" : text.strip()));
        } catch (InvalidRequestException e) {
            throw InvalidRequestException.quoting("seed", text, e);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("seed '" + text + "' is not a whole number: use 0 to " + MAX);
        }
    }

    /**
     * {@return the seed {@code offset} places after this one, wrapping past {@link #MAX}} Used to give fanned-out calls
     * distinct seeds.
     *
     * @param offset any value; a negative one counts backwards, wrapping below 0
     */
    public Seed plus(int offset) {
        return new Seed(Math.floorMod(value + offset, MAX + 1));
    }

    /** {@return the value in decimal} */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
