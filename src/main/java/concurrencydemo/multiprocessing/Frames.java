package concurrencydemo.multiprocessing;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.invoke.SerializedLambda;
import java.util.ArrayList;
import java.util.List;

/**
 * Objects in and out of byte frames: Java serialization, length-prefixed. The only wire format
 * between demo's processes, which all run the same classes from the same class path.
 *
 * <p>A frame holds at most {@link #MAX_FRAME} bytes. Every sender checks the size before it sends
 * ({@link #serialize} throws {@link FrameTooLargeException}), so a reader that meets a length
 * outside {@code 0..MAX_FRAME} knows the stream is corrupt ({@link CorruptFrameException}), not
 * that its peer died.
 */
final class Frames {
    static final int MAX_FRAME = 16 << 20;
    private static final int CHUNK = 64 << 10;

    private Frames() {
    }

    /**
     * The bytes of {@code o}.
     *
     * @throws UnserializableException when {@code o}, or something it refers to, cannot be serialized
     * @throws FrameTooLargeException when they would not fit in a frame
     */
    static byte[] serialize(Object o) {
        return serialize(o, "an object of class " + o.getClass().getName());
    }

    /**
     * The bytes of {@code o}, described as {@code what} should they not fit in a frame. Holds at
     * most {@link #MAX_FRAME} bytes at any time: past the limit it only counts the rest, so the
     * exception can give the exact size without the memory for it (a worker's heap is small).
     *
     * @throws UnserializableException when {@code o}, or something it refers to, cannot be serialized
     * @throws FrameTooLargeException when they would not fit in a frame
     */
    static byte[] serialize(Object o, String what) {
        Bounded bytes = new Bounded();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new UnserializableException(o, e);
        }
        if (bytes.count > MAX_FRAME) {
            throw new FrameTooLargeException(what, bytes.count, MAX_FRAME);
        }
        return bytes.toByteArray();
    }

    /**
     * The object in {@code bytes}, read through {@link AllowList}.
     *
     * @throws FrameRefusedException when they hold a class outside the allow-list, or pass its limits
     * @throws IllegalStateException when they cannot be read otherwise
     */
    @SuppressWarnings("unchecked")
    static <T> T deserialize(byte[] bytes) {
        AllowList filter = new AllowList();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(filter);
            return (T) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            if (filter.refused != null) {
                throw new FrameRefusedException(filter.refused, e);
            }
            throw new IllegalStateException("cannot read an object sent by another process", e);
        }
    }

    /**
     * What a frame may hold: what demo's processes send one another. Tasks, pool calls and their
     * results, queue items and the exceptions of children are demo's own classes (serializable
     * lambdas among them, as {@link SerializedLambda}, and the lessons' and tests' classes), the
     * student's (an exercise's classes are in the unnamed package), and the JDK's values:
     * {@code java.lang} (strings, boxes, enums, stack traces), {@code java.util} (collections),
     * {@code java.util.concurrent} with {@code .atomic} and {@code .locks} (a
     * {@code ConcurrentHashMap} holds locks), {@code java.time}, {@code java.math}, and every
     * exception and enum of the JDK's ({@code java.*}, {@code javax.*}). Arrays of those, and
     * primitives.
     *
     * <p>Limits: {@link #MAX_DEPTH} nested objects, and no count of references or array length
     * above {@link #MAX_FRAME}: a frame holds fewer of either than it has bytes, so a larger count
     * is a forged header. These limits reject absurd headers only: they do not bound the memory
     * or time a malformed frame may cost (an array of up to {@link #MAX_FRAME} elements is
     * allocated before its contents are read). The filter keeps out foreign classes; it is no
     * defence against a hostile peer, and demo's frames come only from its own processes.
     *
     * <p>One per stream: it keeps what it refused first, for the exception.
     */
    static final class AllowList implements ObjectInputFilter {
        /**
         * Nested objects (a linked list's nodes are serialized one inside the other): a reader's
         * stack holds not many more, and a refusal is said where a StackOverflowError is not.
         */
        static final int MAX_DEPTH = 500;

        String refused;

        @Override
        public Status checkInput(FilterInfo info) {
            if (info.depth() > MAX_DEPTH) {
                return refuse("depth " + info.depth() + " > " + MAX_DEPTH);
            }
            if (info.references() > MAX_FRAME) {
                return refuse("references " + info.references() + " > " + MAX_FRAME);
            }
            if (info.arrayLength() > MAX_FRAME) {
                return refuse("array length " + info.arrayLength() + " > " + MAX_FRAME);
            }
            Class<?> c = info.serialClass();
            if (c == null) {
                return Status.UNDECIDED;
            }
            while (c.isArray()) {
                c = c.getComponentType();
            }
            return c.isPrimitive() || allowed(c) ? Status.ALLOWED : refuse(c.getName());
        }

        private Status refuse(String what) {
            if (refused == null) {
                refused = what;
            }
            return Status.REJECTED;
        }

        static boolean allowed(Class<?> c) {
            if (c.getName().startsWith("concurrencydemo.")) {
                return true;
            }
            String pkg = c.getPackageName();
            if ((pkg.startsWith("java.") || pkg.startsWith("javax.")) && (Throwable.class.isAssignableFrom(c) || c.isEnum())) {
                return true; // the JDK's exceptions (a child's failure travels as one) and constants
            }
            switch (pkg) {
                case "": // the student's: an exercise's file has no package
                case "java.lang":
                case "java.util":
                case "java.util.concurrent":
                case "java.util.concurrent.atomic":
                case "java.util.concurrent.locks": // inside ConcurrentHashMap, the blocking queues
                case "java.time":
                case "java.math":
                    return true;
                case "java.lang.invoke":
                    return c == SerializedLambda.class;
                default:
                    return false;
            }
        }
    }

    static void write(DataOutputStream out, byte[] frame) throws IOException {
        if (frame.length > MAX_FRAME) { // serialize() made it: cannot happen
            throw new IllegalArgumentException("frame of " + frame.length + " bytes, limit " + MAX_FRAME);
        }
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
    }

    /**
     * Reads one frame.
     *
     * @throws EOFException when the other side has closed
     * @throws CorruptFrameException when the length read is not one a sender could have written
     */
    static byte[] read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new CorruptFrameException(length);
        }
        byte[] frame = new byte[length];
        in.readFully(frame);
        return frame;
    }

    /** A frame header with a length no sender writes: the stream is out of step, not closed. */
    static final class CorruptFrameException extends IOException {
        private static final long serialVersionUID = 1L;

        CorruptFrameException(int length) {
            super("corrupt frame: length " + length + " outside 0.." + MAX_FRAME);
        }
    }

    /** Bytes kept in chunks up to {@link #MAX_FRAME} of them; past that, only counted. */
    private static final class Bounded extends OutputStream {
        private List<byte[]> chunks = new ArrayList<>();
        private long count;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (chunks != null && count + len > MAX_FRAME) {
                chunks = null; // too large: from here on, count only
            }
            if (chunks != null) {
                int done = 0;
                while (done < len) {
                    int used = (int) (count % CHUNK);
                    if (used == 0) {
                        chunks.add(new byte[CHUNK]);
                    }
                    int n = Math.min(len - done, CHUNK - used);
                    System.arraycopy(b, off + done, chunks.get(chunks.size() - 1), used, n);
                    done += n;
                    count += n;
                }
            } else {
                count += len;
            }
        }

        byte[] toByteArray() {
            byte[] all = new byte[(int) count];
            for (int i = 0; i < chunks.size(); i++) {
                int from = i * CHUNK;
                System.arraycopy(chunks.get(i), 0, all, from, (int) Math.min(CHUNK, count - from));
            }
            return all;
        }
    }
}
