package concurrencydemo.multiprocessing;

import java.io.Serializable;
import java.util.function.Function;

/** A function a {@link Pool} can send to a worker process: a serializable lambda or method reference. */
@FunctionalInterface
public interface SerializableFunction<T, R> extends Function<T, R>, Serializable {
}
