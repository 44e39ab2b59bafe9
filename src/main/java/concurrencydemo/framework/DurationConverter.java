package concurrencydemo.framework;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people write them: {@code 0}, {@code 200us}, {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 1m}. */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,3})?)(us|ms|s|m)?");

    @Override
    public Duration convert(String value) {
        Matcher m = FORM.matcher(value.trim());
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration; use e.g. 0, 200us, 250ms, 2s or 1m");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit == null && amount != 0) {
            throw new TypeConversionException("'" + value + "' needs a unit; use e.g. 200us, 250ms, 2s or 1m");
        }
        double millis = switch (unit == null ? "ms" : unit) {
            case "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            case "us" -> amount / 1_000;
            default -> amount;
        };
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }
}
