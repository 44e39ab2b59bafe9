package concurrencydemo.multiprocessing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds every process a workspace started and everything those started in turn, however they
 * left: a child that daemonized a program ({@code sh -c "sleep 100 &"}) or called
 * {@code System.exit} leaves orphans that the init process adopts, and no longer descendants of
 * anyone demo knows. Each process a workspace starts gets the workspace's tag in the environment
 * variable {@value #VARIABLE} (added to the tags it inherited: a child JVM's own workspace adds
 * its own), which every program it starts inherits; {@link #kill} ends every process of the
 * current user whose environment holds the tag.
 *
 * <p>On Linux ({@code /proc/<pid>/environ}) that finds every process still holding the tag,
 * {@code setsid} or not. A process started without it escapes: {@code env -i}, {@code env -u},
 * any program given an environment of its own (Python's {@code subprocess} with {@code env=});
 * so do processes whose environment cannot be read (made non-dumpable, setuid, another user's).
 * Elsewhere (macOS, Windows) only the processes still descended from this JVM are found: an
 * orphan whose parent has exited is not.
 *
 * <p>Stateless and thread-safe; never throws.
 */
final class ProcessTree {
    /** The environment variable that holds the tags, separated by {@code :}. */
    static final String VARIABLE = "DEMO_PROCESS_TREE";
    private static final Path PROC = Path.of("/proc");
    private static final int MAX_ENVIRONMENT = 1 << 20;

    private ProcessTree() {
    }

    /** Tags the processes {@code env} will start with {@code tag}, keeping the tags inherited. */
    static void tag(Map<String, String> env, String tag) {
        String inherited = env.get(VARIABLE);
        env.put(VARIABLE, inherited == null || inherited.isEmpty() ? tag : inherited + ":" + tag);
    }

    /** Kills every process whose environment holds {@code tag} (this JVM excepted), forcibly. */
    static void kill(String tag) {
        long self = ProcessHandle.current().pid();
        if (!Files.isDirectory(PROC.resolve("self"))) {
            ProcessHandle.current().descendants().filter(p -> tagged(p.pid(), tag)).forEach(ProcessHandle::destroyForcibly);
            return;
        }
        ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self && tagged(p.pid(), tag))
                .forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Whether process {@code pid}'s environment holds {@code tag}; where environments cannot be
     * read, whether it is this JVM's descendant (the caller passed only those).
     */
    private static boolean tagged(long pid, String tag) {
        Path environ = PROC.resolve(Long.toString(pid)).resolve("environ");
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return true;
        }
        try (InputStream in = Files.newInputStream(environ)) {
            String all = new String(in.readNBytes(MAX_ENVIRONMENT), StandardCharsets.UTF_8);
            for (String entry : all.split("\0")) {
                if (entry.startsWith(VARIABLE + "=")) {
                    for (String t : entry.substring(VARIABLE.length() + 1).split(":")) {
                        if (t.equals(tag)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (IOException | RuntimeException gone) {
            return false; // another user's, or ended meanwhile
        }
    }
}
