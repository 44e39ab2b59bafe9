package concurrencydemo.multiprocessing;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.Serializable;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class FramesTest {
    record Item(String name, int[] values) implements Serializable {
    }

    @Test
    @DisplayName("what demo sends reads back: its own records, lambdas, JDK values and collections, exceptions")
    void allowedObjectsReadBack() throws Exception {
        SerializableFunction<Integer, Integer> cube = x -> x * x * x;
        SerializableFunction<Integer, Integer> read = Frames.deserialize(Frames.serialize(cube));
        assertThat(read.apply(3)).isEqualTo(27);
        List<Object> values = new ArrayList<>(List.of("text", 1, 2L, 3.5, true, Duration.ofMillis(5),
                List.of(1, 2), Map.of("k", "v"), new java.math.BigInteger("12345678901234567890")));
        List<Object> valuesBack = Frames.deserialize(Frames.serialize((Serializable) values));
        assertThat(valuesBack).isEqualTo(values);
        Item item = Frames.deserialize(Frames.serialize(new Item("a", new int[] {1, 2})));
        assertThat(item.values()).containsExactly(1, 2);
        Exception thrown = new java.util.concurrent.ExecutionException(new java.nio.file.NoSuchFileException("f"));
        thrown.addSuppressed(new java.io.UncheckedIOException(new java.io.IOException("io")));
        Exception back = Frames.deserialize(Frames.serialize(thrown));
        assertThat(back.getCause()).isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThat(back.getSuppressed()).hasSize(1);
    }

    @Test
    @DisplayName("what a student's program may send reads back too: the concurrent collections (their locks within), any JDK exception or enum, a linked list")
    void studentsValuesReadBack() throws Exception {
        java.util.concurrent.ConcurrentHashMap<Integer, Integer> map = new java.util.concurrent.ConcurrentHashMap<>(Map.of(1, 2));
        assertThat(Frames.<Map<Integer, Integer>>deserialize(Frames.serialize(map))).isEqualTo(map);
        var queue = new java.util.concurrent.LinkedBlockingQueue<>(List.of(1, 2, 3));
        assertThat(Frames.<java.util.concurrent.LinkedBlockingQueue<Integer>>deserialize(Frames.serialize(queue)))
                .containsExactly(1, 2, 3);
        assertThat(Frames.<Object>deserialize(Frames.serialize(new java.util.concurrent.locks.ReentrantLock()))).isNotNull();
        Exception e = new java.lang.reflect.InvocationTargetException(new java.net.SocketException("reset"));
        assertThat(Frames.<Exception>deserialize(Frames.serialize(e)).getCause()).isInstanceOf(java.net.SocketException.class);
        assertThat(Frames.<Object>deserialize(Frames.serialize(java.nio.file.StandardOpenOption.APPEND)))
                .isEqualTo(java.nio.file.StandardOpenOption.APPEND);
        Node list = null;
        for (int i = 0; i < 100; i++) {
            list = new Node(i, list);
        }
        assertThat(Frames.<Node>deserialize(Frames.serialize(list)).value()).isEqualTo(99);
    }

    record Node(int value, Node next) implements Serializable {
    }

    @Test
    @DisplayName("a frame holding a class outside the allow-list is refused with a typed exception that names it")
    void classOutsideTheListIsRefused() {
        byte[] frame = Frames.serialize(new ArrayList<>(List.of("fine", URI.create("urn:x"))));
        assertThatThrownBy(() -> Frames.deserialize(frame))
                .isInstanceOfSatisfying(FrameRefusedException.class, e -> assertThat(e.refused()).isEqualTo("java.net.URI"))
                .hasMessageContaining("java.net.URI");
    }

    @Test
    @DisplayName("a forged array length is refused before anything is allocated")
    void forgedArrayLengthIsRefused() {
        byte[] frame = Frames.serialize(new byte[10]);
        // the stream ends with the array's length (4 bytes) and its 10 bytes
        ByteBuffer.wrap(frame).putInt(frame.length - 14, Integer.MAX_VALUE);
        assertThatThrownBy(() -> Frames.deserialize(frame))
                .isInstanceOfSatisfying(FrameRefusedException.class, e -> assertThat(e.refused()).startsWith("array length"));
    }

    @Test
    @DisplayName("a queue item outside the allow-list is refused where it is read, and the queue goes on")
    void refusedQueueItemSurfacesAtGet() throws Exception {
        try (Workspace ws = Workspace.create(line -> { })) {
            ProcessQueue<Serializable> q = ws.queue();
            q.put(URI.create("urn:x"));
            q.put("next");
            assertThatThrownBy(() -> q.get(Duration.ofSeconds(5))).isInstanceOf(FrameRefusedException.class);
            assertThat(q.get(Duration.ofSeconds(5))).isEqualTo("next");
        }
    }
}
