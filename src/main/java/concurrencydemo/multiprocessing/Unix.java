package concurrencydemo.multiprocessing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * A file's owner's number and its mode bits (sticky included), which {@code PosixFileAttributes}
 * does not give, from the JDK's {@code unix:} attribute view (Linux, macOS); empty where the
 * system has none (Windows) or the file is gone. Never throws.
 */
public final class Unix {
    private static final String UID = "unix:uid";
    private static final String MODE = "unix:mode";
    /** The sticky bit of a mode: in such a folder only an entry's owner may rename or delete it. */
    public static final int STICKY = 01000;

    private Unix() {
    }

    /** The number of {@code path}'s owner; of the link itself when {@code path} is one. */
    public static OptionalInt uid(Path path) {
        return attribute(path, UID);
    }

    /** {@code path}'s mode bits, sticky bit included; of the link itself when {@code path} is one. */
    public static OptionalInt mode(Path path) {
        return attribute(path, MODE);
    }

    /** The number of the user this process runs as (its effective user), where the system says. */
    public static OptionalInt me() {
        return Me.VALUE;
    }

    private static OptionalInt attribute(Path path, String name) {
        try {
            return OptionalInt.of((Integer) Files.getAttribute(path, name, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | RuntimeException none) {
            return OptionalInt.empty();
        }
    }

    private static final class Me {
        static final OptionalInt VALUE = find();

        private static OptionalInt find() {
            Path self = Path.of("/proc/self");
            if (Files.isDirectory(self)) {
                return attribute(self.resolve("."), Unix.UID); // the process's own directory, not the link to it
            }
            try { // elsewhere (macOS): a file this process makes belongs to its user
                Path probe = Files.createTempFile("demo-uid", ".tmp");
                try {
                    return attribute(probe, Unix.UID);
                } finally {
                    Files.deleteIfExists(probe);
                }
            } catch (IOException | RuntimeException unknown) {
                return OptionalInt.empty();
            }
        }
    }
}
