package concurrencydemo.exercises;

import concurrencydemo.exercises.FolderException.Kind;
import concurrencydemo.multiprocessing.Unix;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads and writes inside the student's working folder. Like git, it follows no symbolic link below
 * the folder itself (a link is refused, dangling or not) and refuses a folder another user owns;
 * unlike git, it also refuses folders and files others can write. Only
 * plain files are read, and at most {@link #MAX_FILE} bytes of one; text is strict UTF-8; a file is
 * written whole to a temporary sibling and renamed over its old self, so a reader sees the old or
 * the new file and never half of one, and a link someone puts in the way is replaced, not followed.
 *
 * <p>Unless trusted, a folder (the working folder, an exercise's, a solution's) and a file must
 * belong to the user demo runs as and be writable by nobody else, the folders above the working
 * folder must belong to root or that user and be writable by nobody else unless sticky, and a
 * link on the way to it must be that user's or root's: a check runs the student's code with the
 * student's rights, so code someone else could plant is refused. Where the file system has no
 * POSIX owners and modes (Windows) nothing is checked: demo does not read ACLs (a folder made
 * directly under {@code C:\} can be written by every signed-in user).
 *
 * <p>The folder itself may be reached through a link ({@code --dir}); it is resolved when opened,
 * and checked again, not followed, before a check reads the student's file.
 */
final class WorkingFolder {
    /** The most demo reads of one file: an exercise file is a few KiB. */
    static final int MAX_FILE = 1 << 20;

    private static final LinkOption[] HERE = {LinkOption.NOFOLLOW_LINKS};
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path root;
    private final Path typed;
    private final boolean trusted;

    private WorkingFolder(Path root, Path typed, boolean trusted) {
        this.root = root;
        this.typed = typed;
        this.trusted = trusted;
    }

    /**
     * The working folder at {@code dir}: resolved (through a link the student typed) when it
     * exists, checked, and not created until something is written in it.
     */
    static WorkingFolder at(Path dir, boolean trusted) throws IOException {
        WorkingFolder folder = new WorkingFolder(Files.exists(dir) ? dir.toRealPath() : dir.toAbsolutePath(), dir, trusted);
        if (Files.exists(dir)) {
            folder.checkFolder(folder.root);
        }
        if (!trusted) {
            folder.checkLinksOnTheWay(dir.toAbsolutePath());
            folder.checkAncestors();
        }
        return folder;
    }

    /**
     * Refuses a symbolic link on the way to the working folder (the folder itself included) that
     * another user made: following it, demo would write where they chose ({@code ./demo-exercises}
     * a link planted in a shared folder, to the student's own files elsewhere). A link of the
     * student's own, or of root's, is followed.
     */
    private void checkLinksOnTheWay(Path typedPath) throws IOException {
        OptionalInt me = Unix.me();
        if (me.isEmpty()) {
            return;
        }
        Path p = typedPath.getRoot();
        for (Path name : typedPath) {
            p = p == null ? name : p.resolve(name);
            if (Files.isSymbolicLink(p)) {
                OptionalInt owner = Unix.uid(p);
                if (owner.isEmpty()) {
                    return;
                }
                int uid = owner.getAsInt();
                if (uid != 0 && uid != me.getAsInt()) {
                    throw refusal(Kind.OWNED_BY_ANOTHER, p, Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName());
                }
            }
        }
    }

    /**
     * Refuses the working folder when a folder above it lets another user swap it, or what is in
     * it, for their own: each must belong to root or to the student, and be writable by nobody
     * else unless it is sticky ({@code /tmp}: there only an entry's owner may rename it). Where
     * the system gives no owner's number and mode ({@code unix:} attributes), nothing is checked.
     */
    private void checkAncestors() throws IOException {
        if (Unix.me().isEmpty()) {
            return;
        }
        Path nearest = root.getParent();
        while (nearest != null && !Files.isDirectory(nearest)) {
            nearest = nearest.getParent(); // the rest demo makes later
        }
        if (nearest == null) {
            return;
        }
        Optional<Unix.Exposed> exposed = Unix.exposedAncestor(nearest.toRealPath());
        if (exposed.isPresent()) {
            Path above = exposed.get().folder();
            throw switch (exposed.get().how()) {
                case OWNED_BY_ANOTHER -> refusal(Kind.OWNED_BY_ANOTHER, above, exposed.get().who());
                case WRITABLE_BY_EVERYONE -> refusal(Kind.WRITABLE_BY_OTHERS, above, who(above, EVERYONE));
                case WRITABLE_BY_GROUP -> refusal(Kind.WRITABLE_BY_OTHERS, above, "group:" + exposed.get().who());
            };
        }
    }

    /** Who a refusal says can write: {@code everyone}, on a Windows drive under WSL {@code windows-drive}, else the group. */
    private static String who(Path folder, String who) {
        return who.equals(EVERYONE) && wsl() && folder.toAbsolutePath().toString().matches("/mnt/[a-zA-Z](/.*)?")
                ? WINDOWS_DRIVE : who;
    }

    /** {@link FolderException#detail} of a folder every user can write. */
    static final String EVERYONE = "everyone";
    /** {@link FolderException#detail} of such a folder on a Windows drive seen from WSL. */
    static final String WINDOWS_DRIVE = "windows-drive";

    Path root() {
        return root;
    }

    /**
     * Makes {@code folder} (the root or a folder in it) unless it is there, then checks it. A
     * folder demo makes is {@code rwxr-xr-x} at most, whatever the umask allows (a umask of 000
     * would make one every user can write, which demo would then refuse).
     */
    void makeFolder(Path folder) throws IOException {
        if (folder.equals(root)) {
            if (!Files.exists(root, HERE)) {
                Path parent = root.getParent();
                if (parent != null && !Files.exists(parent)) {
                    Files.createDirectories(parent, mode(parent, FOLDER_MODE));
                }
                make(root);
            }
        } else {
            makeFolder(folder.getParent());
            if (!Files.exists(folder, HERE)) {
                make(folder);
            }
        }
        checkFolder(folder);
    }

    private static void make(Path folder) throws IOException {
        try {
            Files.createDirectory(folder, mode(folder, FOLDER_MODE));
        } catch (java.nio.file.FileAlreadyExistsException madeMeanwhile) {
            // another demo made it: checked after like any other
        }
    }

    private static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");

    /** {@code mode} as an attribute to create {@code path} with (the umask narrows it), none where there are no modes. */
    private static FileAttribute<?>[] mode(Path path, Set<PosixFilePermission> mode) {
        return posixFiles(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
    }

    /** Refuses {@code folder} unless it is a real folder (not a link) the student alone controls. */
    void checkFolder(Path folder) throws IOException {
        BasicFileAttributes a = attributes(folder).orElseThrow(() -> new NoSuchFileException(folder.toString()));
        if (a.isSymbolicLink()) {
            throw refusal(Kind.LINK, folder, "");
        }
        if (!a.isDirectory()) {
            throw refusal(Kind.NOT_A_FOLDER, folder, "");
        }
        if (!trusted && a instanceof PosixFileAttributes posix) {
            owned(folder, posix);
            writableByNoOneElse(folder, posix);
        }
    }

    /**
     * Refuses {@code path} when its mode lets another user write it: writable by every user, or by
     * a group other than one of the owner's own name. Such a group (the private group Debian,
     * Ubuntu and Fedora make for each user) normally has the owner alone in it; demo does not look
     * at its members, nor at ACLs.
     */
    private void writableByNoOneElse(Path path, PosixFileAttributes posix) throws FolderException {
        Set<PosixFilePermission> mode = posix.permissions();
        if (mode.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw refusal(Kind.WRITABLE_BY_OTHERS, path, who(path, EVERYONE));
        }
        if (mode.contains(PosixFilePermission.GROUP_WRITE) && !posix.group().getName().equals(posix.owner().getName())) {
            throw refusal(Kind.WRITABLE_BY_OTHERS, path, "group:" + posix.group().getName());
        }
    }

    /**
     * {@code file}'s attributes if something is there; refuses a link and anything but a plain
     * file, one too large, and, unless trusted, one another user owns.
     */
    Optional<BasicFileAttributes> plainFile(Path file) throws IOException {
        Optional<BasicFileAttributes> found = attributes(file);
        if (found.isPresent()) {
            BasicFileAttributes a = found.get();
            if (a.isSymbolicLink()) {
                throw refusal(Kind.LINK, file, "");
            }
            if (!a.isRegularFile()) {
                throw refusal(Kind.NOT_A_FILE, file, "");
            }
            if (a.size() > MAX_FILE) {
                throw refusal(Kind.TOO_LARGE, file, Long.toString(a.size()));
            }
            if (!trusted && a instanceof PosixFileAttributes posix) {
                owned(file, posix);
                writableByNoOneElse(file, posix);
            }
        }
        return found;
    }

    /** {@code file}'s bytes, or empty when nothing is there. */
    Optional<byte[]> read(Path file) throws IOException {
        if (plainFile(file).isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_FILE + 1);
            if (bytes.length > MAX_FILE) { // it grew since it was looked at
                throw refusal(Kind.TOO_LARGE, file, Long.toString(bytes.length));
            }
            return Optional.of(bytes);
        } catch (FileSystemException linkedMeanwhile) {
            if (Files.isSymbolicLink(file)) {
                throw refusal(Kind.LINK, file, "");
            }
            throw linkedMeanwhile;
        }
    }

    /** {@code file}'s text, strict UTF-8, or empty when nothing is there. */
    Optional<String> text(Path file) throws IOException {
        Optional<byte[]> bytes = read(file);
        return bytes.isEmpty() ? Optional.empty() : Optional.of(utf8(file, bytes.get()));
    }

    /** {@code bytes} as UTF-8; refused, with the line of the first bad byte, when they are not. */
    String utf8(Path file, byte[] bytes) throws FolderException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw refusal(Kind.NOT_UTF8, file, Integer.toString(line));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /**
     * Writes {@code text} as {@code file}, whole: into a temporary sibling first (made new, never
     * through a link), then renamed over {@code file}. A file that was there keeps its permissions;
     * {@code ownerOnly} makes a new one readable by its owner alone. Callers hold the workbook's lock,
     * so one temporary name per file is enough, and a temporary left by a killed demo is reused.
     */
    void write(Path file, String text, boolean ownerOnly) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8), ownerOnly);
    }

    /** As {@link #write(Path, String, boolean)}, bytes as they are. */
    void write(Path file, byte[] bytes, boolean ownerOnly) throws IOException {
        makeFolder(file.getParent());
        Optional<BasicFileAttributes> old = plainFile(file);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".demo-tmp");
        Files.deleteIfExists(tmp); // a link there is removed, not followed
        Set<PosixFilePermission> kept = old.isPresent() && old.get() instanceof PosixFileAttributes posix ? posix.permissions() : null;
        if (ownerOnly || kept != null) {
            Files.createFile(tmp, mode(tmp, ownerOnly ? OWNER_ONLY : kept));
            if (posixFiles(tmp)) {
                Files.setPosixFilePermissions(tmp, ownerOnly ? OWNER_ONLY : kept); // as asked, whatever the umask
            }
        } else {
            Files.createFile(tmp, mode(tmp, FILE_MODE)); // rw-r--r-- at most, whatever the umask
        }
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                    LinkOption.NOFOLLOW_LINKS)) {
                out.write(bytes);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A refusal of {@code path}, named as the student typed the folder's path. */
    FolderException refusal(Kind kind, Path path, String detail) {
        return new FolderException(kind, path.startsWith(root) ? typed.resolve(root.relativize(path)) : path, detail);
    }

    private static boolean posixFiles(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Refuses {@code path} when it belongs to a user other than the one demo runs as (when the system says who that is). */
    private void owned(Path path, PosixFileAttributes a) throws FolderException {
        OptionalInt me = Unix.me();
        OptionalInt owner = Unix.uid(path);
        if (me.isPresent() && owner.isPresent() && owner.getAsInt() != me.getAsInt()) {
            throw refusal(Kind.OWNED_BY_ANOTHER, path, a.owner().getName());
        }
    }

    private static Optional<BasicFileAttributes> attributes(Path path) throws IOException {
        try {
            Class<? extends BasicFileAttributes> kind = posixFiles(path) ? PosixFileAttributes.class : BasicFileAttributes.class;
            return Optional.of(Files.readAttributes(path, kind, HERE));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
    }

    /**
     * Whether this looks like WSL, where files on Windows drives ({@code /mnt/c}) all show as
     * writable by everyone: the refusal then says how to go on there.
     */
    static boolean wsl() {
        try {
            return Files.exists(Path.of("/proc/sys/fs/binfmt_misc/WSLInterop"))
                    || Files.readString(Path.of("/proc/version")).toLowerCase(java.util.Locale.ROOT).contains("microsoft");
        } catch (IOException | RuntimeException notLinux) {
            return false;
        }
    }
}
