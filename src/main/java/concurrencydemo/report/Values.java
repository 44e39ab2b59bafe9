package concurrencydemo.report;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders outcome values for people: lists as {@code [a, b]}, maps as {@code key value, key value}. */
public final class Values {
    private Values() {
    }

    public static String show(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> e.getKey() + " " + show(e.getValue()))
                    .collect(Collectors.joining(", "));
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(Values::show).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
