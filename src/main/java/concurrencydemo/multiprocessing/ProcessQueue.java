package concurrencydemo.multiprocessing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Python's {@code multiprocessing.Queue}: a FIFO queue that processes share.
 *
 * <p>The process that creates the queue owns its items and serves them on a Unix-domain socket
 * in the workspace directory; a child that receives the queue (captured by its task) connects to
 * that socket. Every operation of a child is one request and one reply on its own connection.
 *
 * <ul>
 *   <li>{@link #put} returns once the item is in the queue, so after a producer has been joined,
 *       everything it put is there to {@link #get}.</li>
 *   <li>Items from one producer come out in the order it put them, with one exception: an item
 *       whose delivery failed goes back to the head (see below), and a consumer that took a later
 *       item while it was out gets that one first. Items from several producers interleave in
 *       arrival order.</li>
 *   <li>{@link #get} blocks until an item is available (or a time-out passes); {@link #empty} says
 *       whether the queue is empty at that moment.</li>
 *   <li>{@link #close} in a child says it will put nothing more; in the owner, it shuts the queue.</li>
 *   <li>Each item is delivered at most once. A consumer that dies while waiting in {@code get}
 *       takes no item with it: the item its reply would have carried goes back to the head. One
 *       that dies after its reply was sent and before reading it loses that item, as a process
 *       killed mid-{@code get} may with Python's queue.</li>
 *   <li>A child's {@code get} that is interrupted throws {@link InterruptedException} and closes
 *       its connection (an interrupt closes a channel); the child's next call connects anew. The
 *       item is lost if the owner had already written it to the socket when the interrupt came: it
 *       was sent, and no one will read it. Otherwise it stays in, or goes back to, the queue.</li>
 *   <li>When the owner closes the queue, an item a handler was sending to a child is either
 *       delivered or dropped, never put back: it cannot be told whether the write completed.</li>
 * </ul>
 *
 * <p>Memory consistency effects: within the owner's JVM, actions before {@code put(x)}
 * happen-before the actions after the {@code get} that returns {@code x} (through the
 * {@link java.util.concurrent.BlockingDeque}). Across processes the Java memory model says nothing;
 * the implementation relies on the socket: a child's {@code put} returns only after the owner's
 * reply, and a {@code get} returns only after reading the item. POSIX does not count
 * {@code read} and {@code write} among the functions that synchronize memory; on Linux the kernel
 * passes the bytes through the socket under its socket locks, whose release/acquire ordering
 * carries the writer's earlier writes, and HotSpot moves no memory access across the native call.
 * So a process's writes to shared memory before {@code put(x)} are visible to the process whose
 * {@code get} returns {@code x} (see the package documentation).
 *
 * @param <T> the item type; items travel serialized
 */
public final class ProcessQueue<T extends Serializable> implements AutoCloseable, Serializable {
    private static final long serialVersionUID = 1L;
    private static final byte PUT = 1;
    private static final byte GET = 2;
    private static final byte EMPTY = 3;
    private static final byte OK = 0;
    private static final byte NONE = 4;

    private final String socket;

    // The owner's side.
    private transient LinkedBlockingDeque<byte[]> items;
    private transient ServerSocketChannel server;
    private transient Thread acceptor;
    /** The live request handlers, one per connected child; each removes itself when it ends. */
    private transient List<Thread> handlers;
    /** The open connections from children; each handler removes its own when it ends. */
    private transient List<SocketChannel> connections;
    private transient volatile boolean closed;
    /** One permit per GET request a handler has read: lets tests wait until a consumer waits. */
    transient Semaphore getsReceived;

    // A child's side: one connection, one request at a time.
    private transient Object requestLock;
    private transient SocketChannel connection;
    private transient DataInputStream replies;
    private transient DataOutputStream requests;

    private ProcessQueue(Path socket) {
        this.socket = socket.toString();
    }

    static <T extends Serializable> ProcessQueue<T> create(Workspace ws) {
        ProcessQueue<T> q = new ProcessQueue<>(ws.newSocket("queue-"));
        q.items = new LinkedBlockingDeque<>();
        q.handlers = new CopyOnWriteArrayList<>();
        q.connections = new CopyOnWriteArrayList<>();
        q.getsReceived = new Semaphore(0);
        try {
            q.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw WorkspaceException.of(WorkspaceException.Operation.BIND_SOCKET, q.socket, e);
        }
        try {
            q.server.bind(UnixDomainSocketAddress.of(q.socket));
        } catch (IOException e) {
            try {
                q.server.close();
            } catch (IOException ignored) {
                // the bind's failure is the news
            }
            throw WorkspaceException.of(WorkspaceException.Operation.BIND_SOCKET, q.socket, e);
        }
        q.acceptor = new Thread(q::accept, "queue-acceptor");
        q.acceptor.setDaemon(true);
        q.acceptor.start();
        return q;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        requestLock = new Object();
    }

    /** The owner's request handlers, one per connected child, for tests. */
    List<Thread> handlers() {
        return List.copyOf(handlers);
    }

    private boolean owner() {
        return items != null;
    }

    /**
     * Puts {@code item} at the tail; returns when it is in the queue.
     *
     * @throws UnserializableException when the item cannot be serialized; nothing is put then
     * @throws FrameTooLargeException when the item is larger, serialized, than a frame may be;
     *         nothing is put then
     */
    public void put(T item) throws InterruptedException {
        byte[] bytes = Frames.serialize(item, "a queue item of class " + (item == null ? "null" : item.getClass().getName()));
        if (owner()) {
            items.put(bytes);
            return;
        }
        request(PUT, bytes, null);
    }

    /** Removes and returns the head, waiting as long as it takes. */
    public T get() throws InterruptedException {
        try {
            return get(Duration.ofDays(365));
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes and returns the head, waiting at most {@code timeout}. */
    public T get(Duration timeout) throws InterruptedException, TimeoutException {
        byte[] bytes = owner()
                ? items.poll(timeout.toNanos(), TimeUnit.NANOSECONDS)
                : request(GET, null, timeout);
        if (bytes == null) {
            throw new TimeoutException("no item within " + timeout.toMillis() + " ms");
        }
        return Frames.deserialize(bytes);
    }

    /** Whether the queue is empty at this moment. */
    public boolean empty() throws InterruptedException {
        if (owner()) {
            return items.isEmpty();
        }
        return request(EMPTY, null, null) != null;
    }

    private byte[] request(byte op, byte[] item, Duration timeout) throws InterruptedException {
        synchronized (requestLock) {
            try {
                DataOutputStream out = connect();
                out.writeByte(op);
                if (op == PUT) {
                    Frames.write(out, item);
                } else if (op == GET) {
                    out.writeLong(timeout.toNanos());
                }
                out.flush();
                byte status = replies.readByte();
                if (status == NONE) {
                    return null;
                }
                return op == GET ? Frames.read(replies) : new byte[0];
            } catch (IOException e) {
                // The stream is out of step or closed (an interrupt closes the channel): never reuse
                // it. The next request connects anew, to a new handler.
                disconnect();
                if (Thread.interrupted() || e instanceof ClosedByInterruptException) {
                    throw new InterruptedException("interrupted during a queue request; its connection was closed");
                }
                throw new UncheckedIOException("lost the connection to the queue at " + socket
                        + ": its owner closed the queue or exited", e);
            }
        }
    }

    // @GuardedBy("requestLock")
    private void disconnect() {
        SocketChannel c = connection;
        connection = null;
        replies = null;
        requests = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // it is being dropped either way
            }
        }
    }

    private DataOutputStream connect() throws IOException {
        if (connection == null) {
            connection = SocketChannel.open(UnixDomainSocketAddress.of(socket));
            replies = new DataInputStream(Channels.newInputStream(connection));
            requests = new DataOutputStream(new java.io.BufferedOutputStream(Channels.newOutputStream(connection)));
        }
        return requests;
    }

    private void accept() {
        try {
            while (true) {
                SocketChannel client = server.accept();
                connections.add(client);
                Thread handler = new Thread(() -> serve(client), "queue-handler");
                handler.setDaemon(true);
                handlers.add(handler);
                if (closed) { // close() may have run before this connection was listed
                    client.close();
                }
                handler.start();
            }
        } catch (IOException serverClosed) {
            // the queue was closed
        }
    }

    /**
     * Answers one child's requests, in order, until it disconnects.
     *
     * <p>A GET takes the head and writes it back. When the write fails (the child died while
     * waiting, which this handler learns only by writing), the item goes back to the head of the
     * queue: it was not delivered, since a failed write means the child never received the
     * whole reply. So an item is delivered at most once; it is lost only when its consumer dies
     * after the reply was written to the socket and before reading it. Order: the returned item
     * is the next to come out, ahead of everything put after it; but a consumer that took a later
     * item in the moment it was out gets that one first.
     */
    private void serve(SocketChannel client) {
        try (client) {
            DataInputStream in = new DataInputStream(Channels.newInputStream(client));
            DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Channels.newOutputStream(client)));
            while (true) {
                byte op = in.readByte();
                switch (op) {
                    case PUT -> {
                        items.put(Frames.read(in));
                        out.writeByte(OK);
                    }
                    case GET -> {
                        getsReceived.release();
                        byte[] item = items.poll(in.readLong(), TimeUnit.NANOSECONDS);
                        if (item == null) {
                            out.writeByte(NONE);
                        } else {
                            try {
                                out.writeByte(OK);
                                Frames.write(out, item); // flushes: a dead child fails here
                            } catch (IOException e) {
                                // Not delivered, unless close() interrupted us after the write had
                                // completed (the channel reports that too): a closed queue
                                // re-queues nothing, so nothing is delivered twice.
                                if (!closed) {
                                    items.putFirst(item);
                                }
                                throw e;
                            }
                        }
                    }
                    case EMPTY -> out.writeByte(items.isEmpty() ? OK : NONE);
                    default -> throw new IOException("unknown queue request " + op);
                }
                out.flush();
            }
        } catch (EOFException | InterruptedException done) {
            // the child closed its side, or the queue is closing
        } catch (IOException e) {
            // the child died mid-request; its connection is gone
        } finally {
            connections.remove(client);
            handlers.remove(Thread.currentThread());
        }
    }

    /** In a child: no more puts from this process. In the owner: shuts the queue down. */
    @Override
    public void close() {
        try {
            if (owner()) {
                closed = true;
                server.close();
                for (SocketChannel c : connections) {
                    c.close();
                }
                acceptor.interrupt();
                for (Thread t : handlers) {
                    t.interrupt();
                }
            } else {
                synchronized (requestLock) {
                    disconnect();
                }
            }
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
