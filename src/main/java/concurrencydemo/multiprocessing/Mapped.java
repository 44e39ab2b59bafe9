package concurrencydemo.multiprocessing;

import java.io.IOException;
import java.io.Serializable;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A small file mapped into memory, read and written through {@link VarHandle}s with volatile
 * semantics. Every process that maps the same file maps the same physical pages: this is the shared
 * memory under {@link SharedInt}, {@link SharedDoubles}, {@link SharedTrace} and
 * {@link StartBarrier}.
 *
 * <p>Serializable as the file's path: an instance rebuilt in a child process maps the same file
 * on first use. The mapping is published through a volatile field, so a thread that sees it sees
 * it whole; two threads that map at once each get a mapping of the same pages, which is harmless.
 *
 * <p>Memory consistency effects: within one JVM, volatile accesses through these handles order
 * like volatile fields. Across processes the Java memory model says nothing; what this class
 * relies on is that the pages are the same physical memory in every process, that volatile
 * VarHandle accesses compile to fenced or locked instructions, and that the hardware keeps caches
 * coherent (see the package documentation).
 */
abstract class Mapped implements Serializable {
    private static final long serialVersionUID = 1L;
    static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    static final VarHandle DOUBLES = MethodHandles.byteBufferViewVarHandle(double[].class, ByteOrder.nativeOrder());
    static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final String file;
    private final int bytes;
    private transient volatile MappedByteBuffer memory;

    /** Creates {@code file} of {@code bytes} zero bytes and maps it. */
    Mapped(Path file, int bytes) {
        this.file = file.toString();
        this.bytes = Math.max(Integer.BYTES, bytes);
        this.memory = map(file, this.bytes, true);
    }

    /** The mapped memory, mapped now if this instance was rebuilt in another process. */
    final MappedByteBuffer memory() {
        MappedByteBuffer m = memory;
        if (m == null) {
            m = map(Path.of(file), bytes, false);
            memory = m;
        }
        return m;
    }

    /**
     * Maps {@code file}; when {@code create}, first creates it and writes its zero bytes, so that
     * a full file system fails here with an exception rather than later with a fault when the
     * mapped pages are touched.
     */
    private static MappedByteBuffer map(Path file, int bytes, boolean create) {
        try (FileChannel ch = create
                ? FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (create) {
                ByteBuffer zeros = ByteBuffer.allocate(bytes);
                while (zeros.hasRemaining()) {
                    ch.write(zeros);
                }
            }
            // the mapping stays valid after the channel is closed
            return ch.map(FileChannel.MapMode.READ_WRITE, 0, bytes);
        } catch (IOException e) {
            throw WorkspaceException.of(create ? WorkspaceException.Operation.CREATE_FILE
                    : WorkspaceException.Operation.MAP_FILE, file, e);
        }
    }
}
