package io.github.seedream4j;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a provider prices images, used to estimate a request's cost before it is sent and to label a cost the
 * provider does not report. Closed: per image, or per megapixel of output (one megapixel is 1,000,000 pixels,
 * the rule that reproduces Runpod's documented costs exactly).
 */
public sealed interface PriceModel permits PriceModel.PerImage, PriceModel.PerMegapixel {

    /**
     * {@return the cost of {@code images} images of {@code resolution} each, exactly, in the price's currency}
     *
     * @param resolution the pixels of each image, never {@code null}
     * @param images how many images, zero or more
     * @throws InvalidRequestException if {@code images} is negative
     */
    Cost estimate(Resolution resolution, int images);

    /**
     * A flat price per image.
     *
     * @param price per image, never {@code null}
     * @return the price model
     * @throws NullPointerException if {@code price} is null
     */
    static PriceModel perImage(Cost price) {
        return new PerImage(price);
    }

    /**
     * A price per megapixel of output.
     *
     * @param price per 1,000,000 pixels, never {@code null}
     * @return the price model
     * @throws NullPointerException if {@code price} is null
     */
    static PriceModel perMegapixel(Cost price) {
        return new PerMegapixel(price);
    }

    /** {@return free: zero US dollars per image (the fake provider's default)} */
    static PriceModel free() {
        return new PerImage(Cost.ZERO_USD);
    }

    /**
     * Parses {@code "0.03/image"} or {@code "0.027/megapixel"} (also {@code /mp}), in US dollars, optionally with a
     * currency code before the slash: {@code "0.03 EUR/image"}.
     *
     * @param text the price; {@code null} is refused like any malformed text
     * @return the price model
     * @throws InvalidRequestException naming the text when it is neither form
     */
    static PriceModel parse(String text) {
        String t = Objects.requireNonNullElse(text, "").strip();
        int slash = t.lastIndexOf('/');
        if (slash > 0) {
            String unit = t.substring(slash + 1).strip().toLowerCase(java.util.Locale.ROOT);
            String money = t.substring(0, slash).strip();
            java.util.Currency currency = Cost.USD;
            int space = money.indexOf(' ');
            if (space > 0) {
                try {
                    currency = java.util.Currency.getInstance(money.substring(space + 1).strip()
                            .toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new InvalidRequestException("price '" + text + "' names an unknown currency; use an ISO code "
                            + "such as USD");
                }
                money = money.substring(0, space);
            }
            Cost price;
            try {
                price = Cost.parse(money, currency);
            } catch (InvalidRequestException e) {
                throw InvalidRequestException.quoting("price", text, e);
            }
            if (unit.equals("image")) {
                return new PerImage(price);
            }
            if (unit.equals("megapixel") || unit.equals("mp")) {
                return new PerMegapixel(price);
            }
        }
        throw new InvalidRequestException("price '" + text + "' is not of the form AMOUNT/image or AMOUNT/megapixel; "
                + "use for example 0.03/image or 0.027/megapixel");
    }

    /**
     * A flat price per image.
     *
     * @param price per image, never {@code null}
     */
    record PerImage(Cost price) implements PriceModel {
        /**
         * Checks the part.
         *
         * @param price per image
         * @throws NullPointerException if price is null
         */
        public PerImage {
            Objects.requireNonNull(price, "price");
        }

        @Override
        public Cost estimate(Resolution resolution, int images) {
            return price.times(images);
        }

        @Override
        public String toString() {
            return price + " per image";
        }
    }

    /**
     * A price per megapixel of output.
     *
     * @param price per 1,000,000 pixels, never {@code null}
     */
    record PerMegapixel(Cost price) implements PriceModel {
        /**
         * Checks the part.
         *
         * @param price per 1,000,000 pixels
         * @throws NullPointerException if price is null
         */
        public PerMegapixel {
            Objects.requireNonNull(price, "price");
        }

        @Override
        public Cost estimate(Resolution resolution, int images) {
            BigDecimal mp = resolution.megapixels();
            return price.times(mp).times(images);
        }

        @Override
        public String toString() {
            return price + " per megapixel";
        }
    }
}
