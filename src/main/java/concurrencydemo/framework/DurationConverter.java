package concurrencydemo.framework;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people write them: {@code 0}, {@code 200us}, {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 1m}. */
public final class DurationConverter implements ITypeConverter<Duration> {

    /** A value that is not a duration: the usage error words it from {@code key} (a message key, given the value). */
    public static final class Invalid extends TypeConversionException {
        private static final long serialVersionUID = 1L;
        private final String value;
        private final String key;

        Invalid(String value, String key) {
            super(key + ": " + value);
            this.value = value;
            this.key = key;
        }

        public String value() {
            return value;
        }

        public String key() {
            return key;
        }
    }

    private static final Pattern FORM = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,3})?)(us|ms|s|m)?");

    @Override
    public Duration convert(String value) {
        Matcher m = FORM.matcher(value.trim());
        if (!m.matches()) {
            throw new Invalid(value, "error.duration.form");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        String unit = m.group(2);
        if (unit == null && amount.signum() != 0) {
            throw new Invalid(value, "error.duration.unit");
        }
        long nanosPerUnit = switch (unit == null ? "ms" : unit) {
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "us" -> 1_000L;
            default -> 1_000_000L;
        };
        // exact: at most 999999999.999m is about 1900 years, which a Duration holds (a long of nanos would not)
        BigDecimal[] secondsAndNanos = amount.multiply(BigDecimal.valueOf(nanosPerUnit))
                .setScale(0, RoundingMode.HALF_UP)
                .divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
        return Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
    }
}
