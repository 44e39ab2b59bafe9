package concurrencydemo.multiprocessing;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Python's {@code Array('d', [0.0, 100.0, 200.0])}: a fixed-length array of doubles in memory
 * shared by processes.
 *
 * <p>Each {@link #get} and {@link #set} of one element is atomic, a volatile access to the shared
 * memory, as for {@link SharedInt}; {@code a.set(i, a.get(i) + 1)} is not atomic, exactly as for
 * {@link SharedInt}.
 *
 * <p>Serializable: a task that captures it sees the same array in the child.
 */
public final class SharedDoubles extends Mapped {
    private static final long serialVersionUID = 1L;

    private final int length;

    private SharedDoubles(Path file, int length) {
        super(file, length * Double.BYTES);
        this.length = length;
    }

    static SharedDoubles create(Workspace ws, double[] values) {
        Path file = ws.newFile("array-", ".mem");
        SharedDoubles array = new SharedDoubles(file, values.length);
        for (int i = 0; i < values.length; i++) {
            array.set(i, values[i]);
        }
        return array;
    }

    public int length() {
        return length;
    }

    public double get(int index) {
        return (double) Mapped.DOUBLES.getVolatile(memory(), offset(index));
    }

    public void set(int index, double value) {
        Mapped.DOUBLES.setVolatile(memory(), offset(index), value);
    }

    /** A copy of the elements, like Python's {@code array[:]}. */
    public double[] toArray() {
        double[] copy = new double[length];
        for (int i = 0; i < length; i++) {
            copy[i] = get(i);
        }
        return copy;
    }

    private int offset(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + " of an array of " + length);
        }
        return index * Double.BYTES;
    }


    /** As Python prints {@code array[:]}: {@code [0.0, 100.0, 200.0]}. */
    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }
}
