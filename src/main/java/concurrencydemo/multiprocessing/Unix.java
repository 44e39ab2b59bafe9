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

    /** How another user could swap what a folder holds for their own. */
    public enum Exposure {
        /** The folder belongs to a user other than root and this process's. */
        OWNED_BY_ANOTHER,
        /** Every user can write in it, and it is not sticky. */
        WRITABLE_BY_EVERYONE,
        /** A group can write in it that is not its owner's own (same name), and it is not sticky. */
        WRITABLE_BY_GROUP
    }

    /** A folder another user could swap entries of: which, how, and who (the owner's or the group's name). */
    public record Exposed(Path folder, Exposure how, String who) {
    }

    /**
     * The first of {@code dir} (a real path, no link in it) and the folders above it where another
     * user could swap what it holds: one that belongs to neither root nor this process's user (when
     * that user is known), or that others can write and is not sticky ({@code /tmp} is: there only
     * an entry's owner may rename it). A group of the owner's own name (each user's private group on
     * Debian, Ubuntu, Fedora) counts as the owner's; its members and ACLs are not looked at. Empty
     * when there is none, or where the system gives no {@code unix:} attributes.
     */
    public static java.util.Optional<Exposed> exposedAncestor(Path dir) {
        OptionalInt me = me();
        for (Path p = dir; p != null; p = p.getParent()) {
            OptionalInt uid = uid(p);
            OptionalInt mode = mode(p);
            if (uid.isEmpty() || mode.isEmpty()) {
                return java.util.Optional.empty();
            }
            try {
                java.nio.file.attribute.PosixFileAttributes names = Files.readAttributes(p,
                        java.nio.file.attribute.PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                boolean sticky = (mode.getAsInt() & STICKY) != 0;
                if (me.isPresent() && uid.getAsInt() != 0 && uid.getAsInt() != me.getAsInt()) {
                    return java.util.Optional.of(new Exposed(p, Exposure.OWNED_BY_ANOTHER, names.owner().getName()));
                }
                if (!sticky && (mode.getAsInt() & 0002) != 0) {
                    return java.util.Optional.of(new Exposed(p, Exposure.WRITABLE_BY_EVERYONE, ""));
                }
                if (!sticky && (mode.getAsInt() & 0020) != 0 && !names.group().getName().equals(names.owner().getName())) {
                    return java.util.Optional.of(new Exposed(p, Exposure.WRITABLE_BY_GROUP, names.group().getName()));
                }
            } catch (IOException | RuntimeException unreadable) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
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
