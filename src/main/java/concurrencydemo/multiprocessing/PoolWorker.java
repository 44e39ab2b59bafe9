package concurrencydemo.multiprocessing;

import java.io.EOFException;
import java.io.IOException;
import java.io.Serializable;

/**
 * The worker side of a {@link Pool}: what runs in each worker's JVM, and the two messages the
 * parent and a worker exchange.
 *
 * <p>A worker reads one {@link Call} at a time from its parent, as a frame on its standard input,
 * runs it, and writes one {@link Reply} on its binary channel before it reads the next: so the
 * parent's dispatcher, which writes a call and then reads a reply, is never out of step with it
 * while both keep to frames. The loop ends when the parent closes the worker's input.
 *
 * <p>Memory consistency effects: within the worker, everything a call did happens-before its reply
 * is written; the reply's bytes, read by the dispatcher, carry the result (a copy, not shared
 * memory).
 *
 * <p>It runs in the child only, and knows nothing of the parent: it uses {@link Child},
 * {@link Frames} and the call's function, never {@link ChildProcess}, {@link Workspace} or
 * {@link Pool}.
 */
final class PoolWorker {
    private PoolWorker() {
    }

    /**
     * The worker's loop, in the child: one call in, one reply out, until the parent closes. Whatever
     * a call does short of ending the JVM (throw, return something that cannot be serialized),
     * it gets a reply and the loop goes on.
     */
    static void serve() throws IOException {
        Child child = Child.current();
        while (true) {
            byte[] frame;
            try {
                frame = Frames.read(child.fromParent());
            } catch (EOFException parentClosed) {
                return;
            }
            byte[] reply;
            try {
                Call call = Frames.deserialize(frame);
                Serializable value = call.run();
                String what = "the result of a pool call, of class " + (value == null ? "null" : value.getClass().getName());
                reply = Frames.serialize(new Reply(value, null, null), what);
            } catch (FrameTooLargeException e) {
                reply = Frames.serialize(new Reply(null, e.toString(), e)); // an error, not a dead worker
            } catch (Throwable t) {
                reply = Frames.serialize(new Reply(null, t.toString(), null));
            }
            Frames.write(child.toParent(), reply);
        }
    }

    /** A function and its argument, sent to a worker. */
    record Call(SerializableFunction<Object, Object> f, Object arg) implements Serializable {
        @SuppressWarnings("unchecked")
        Call(SerializableFunction<?, ?> f, Serializable arg) {
            this((SerializableFunction<Object, Object>) f, (Object) arg);
        }

        Serializable run() {
            return (Serializable) f.apply(arg);
        }
    }

    /** A worker's answer: a value, or an error message (with the exception when the result was too large). */
    record Reply(Serializable value, String error, FrameTooLargeException tooLarge) implements Serializable {
    }
}
