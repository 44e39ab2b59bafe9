package concurrencydemo.report;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders outcome values for people: lists as {@code [a, b]}, maps as {@code k=v, k=v}. */
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
        if (value instanceof double[] ds) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < ds.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(ds[i]);
            }
            return sb.append(']').toString();
        }
        return String.valueOf(value);
    }
}
