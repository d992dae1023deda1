package io.github.seedream4j;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money: a non-negative {@link BigDecimal} in a {@link Currency}. Never a {@code double}: Runpod's
 * {@code 0.113246} stays exactly that. Arithmetic keeps full precision; {@link #toString()} prints it as is.
 *
 * @param amount non-negative, never {@code null}
 * @param currency never {@code null}
 */
public record Cost(BigDecimal amount, Currency currency) implements Comparable<Cost> {

    /** The US dollar, the currency every known provider bills in. */
    public static final Currency USD = Currency.getInstance("USD");

    /** Zero US dollars. */
    public static final Cost ZERO_USD = new Cost(BigDecimal.ZERO, USD);

    /** The most digits a cost has before its decimal point: far beyond any price, small enough to compute with. */
    static final int MAX_INTEGER_DIGITS = 15;
    /** The most digits a cost has after its decimal point. */
    static final int MAX_SCALE = 20;
    private static final int MAX_TEXT = 64;

    /** The amount in scientific notation, which stays short whatever its exponent. */
    private static String shortText(BigDecimal amount) {
        String text = amount.toString();
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
    }

    /**
     * Checks the parts and normalises the amount: trailing zeros are stripped, so {@code 0.030} equals {@code 0.03}.
     *
     * @param amount zero or more
     * @param currency the currency
     * @throws InvalidRequestException if a part is null or the amount is negative
     */
    public Cost {
        if (amount == null || currency == null) {
            throw new InvalidRequestException("a cost needs an amount and a currency, for example Cost.usd(\"0.03\")");
        }
        long integerDigits = (long) amount.precision() - amount.scale();
        if (integerDigits > MAX_INTEGER_DIGITS || amount.scale() > MAX_SCALE + (long) amount.precision()) {
            throw new InvalidRequestException("cost " + shortText(amount) + " " + currency + " is out of range: a cost "
                    + "has at most " + MAX_INTEGER_DIGITS + " digits before the decimal point and " + MAX_SCALE
                    + " after it");
        }
        if (amount.signum() < 0) {
            throw new InvalidRequestException("cost " + amount.toPlainString() + " " + currency
                    + " is negative: a cost must be zero or more");
        }
        amount = amount.stripTrailingZeros();
        if (amount.scale() > MAX_SCALE) {
            throw new InvalidRequestException("cost " + shortText(amount) + " " + currency + " is out of range: a cost "
                    + "has at most " + MAX_SCALE + " digits after the decimal point");
        }
        if (amount.scale() < 0) {
            amount = amount.setScale(0);
        }
    }

    /**
     * A cost in US dollars.
     *
     * @param amount zero or more, never {@code null}
     * @return the cost
     * @throws InvalidRequestException if {@code amount} is null or negative
     */
    public static Cost usd(BigDecimal amount) {
        return new Cost(amount, USD);
    }

    /**
     * A cost in US dollars from its decimal text, for example {@code "0.027"}.
     *
     * @param amount a non-negative decimal number; surrounding blanks are ignored
     * @return the cost
     * @throws InvalidRequestException naming the text when it is not a non-negative decimal number
     */
    public static Cost usd(String amount) {
        return parse(amount, USD);
    }

    /**
     * Parses a decimal amount in the given currency.
     *
     * @param amount a non-negative decimal number; surrounding blanks are ignored
     * @param currency the currency, never {@code null}
     * @return the cost
     * @throws InvalidRequestException naming the text when it is not a non-negative decimal number
     */
    public static Cost parse(String amount, Currency currency) {
        if (amount != null && amount.strip().length() > MAX_TEXT) {
            throw new InvalidRequestException("cost '" + amount.strip().substring(0, 16) + "...' is too long ("
                    + amount.strip().length() + " characters): use a plain decimal number such as 0.03");
        }
        try {
            return new Cost(new BigDecimal(Objects.requireNonNullElse(amount, "").strip()), currency);
        } catch (InvalidRequestException e) {
            throw InvalidRequestException.quoting("cost", amount, e);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("cost '" + amount + "' is not a decimal number: use for example 0.03");
        }
    }

    /**
     * Zero in the given currency.
     *
     * @param currency the currency, never {@code null}
     * @return the cost
     * @throws InvalidRequestException if {@code currency} is null
     */
    public static Cost zero(Currency currency) {
        return new Cost(BigDecimal.ZERO, currency);
    }

    /**
     * This plus {@code other}.
     *
     * @param other a cost in the same currency, never {@code null}
     * @return the exact sum
     * @throws NullPointerException if {@code other} is null
     * @throws InvalidRequestException if the currencies differ
     */
    public Cost plus(Cost other) {
        requireSameCurrency(other);
        return new Cost(amount.add(other.amount), currency);
    }

    /**
     * The sum of several costs, exactly.
     *
     * @param costs the costs, never {@code null} and holding no {@code null}
     * @return the exact total
     * @throws IllegalArgumentException if {@code costs} is empty (there is no currency to give zero in)
     * @throws InvalidRequestException if the currencies differ
     */
    public static Cost sum(java.util.Collection<Cost> costs) {
        if (costs.isEmpty()) {
            throw new IllegalArgumentException("nothing to sum: pass at least one cost, or use Cost.zero(currency)");
        }
        Cost total = null;
        for (Cost c : costs) {
            total = total == null ? c : total.plus(c);
        }
        return total;
    }

    /**
     * This times a non-negative factor, exactly.
     *
     * @param factor zero or more, never {@code null}
     * @return the exact product
     * @throws NullPointerException if {@code factor} is null
     * @throws InvalidRequestException if {@code factor} is negative
     */
    public Cost times(BigDecimal factor) {
        return new Cost(amount.multiply(factor), currency);
    }

    /**
     * This times a non-negative count.
     *
     * @param count zero or more
     * @return the exact product
     * @throws InvalidRequestException if {@code count} is negative
     */
    public Cost times(long count) {
        return times(BigDecimal.valueOf(count));
    }

    /** {@return whether the amount is zero} */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /**
     * Compares amounts of the same currency.
     *
     * @param other a cost in the same currency, never {@code null}
     * @return negative, zero or positive as this amount is less than, equal to or greater than {@code other}'s
     * @throws NullPointerException if {@code other} is null
     * @throws InvalidRequestException if the currencies differ
     */
    @Override
    public int compareTo(Cost other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Cost other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new InvalidRequestException("cannot combine " + this + " with " + other
                    + ": the currencies differ; convert one first");
        }
    }

    /** {@return the plain amount and the currency code, for example {@code "0.113246 USD"}} */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
