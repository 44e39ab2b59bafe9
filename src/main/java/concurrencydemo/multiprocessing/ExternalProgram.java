package concurrencydemo.multiprocessing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * A program that is not Java (a {@code python3} script), run to its end in a workspace: its
 * standard output is returned, it is killed if the caller is interrupted or the time bound passes,
 * and the workspace kills it on close (Ctrl-C, SIGTERM) like its child JVMs.
 */
public final class ExternalProgram implements AutoCloseable {
    private final Process process;

    ExternalProgram(Process process) {
        this.process = process;
    }

    /** The first executable named {@code name} on the {@code PATH}, if any. */
    public static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir).resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath()); // run from the workspace, not from here
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code command} in the workspace's directory, with stdin empty, and returns what it
     * printed on stdout.
     *
     * @throws ExternalProgramException when it exits with a non-zero code (its stderr's last line
     *                                  says why) or outlives {@code bound}
     */
    public static String run(Workspace ws, List<String> command, Duration bound)
            throws IOException, InterruptedException {
        return runForOutput(ws, command, bound).out();
    }

    /** What a program printed: on its standard output, and on its standard error. */
    public record Output(String out, String err) {
    }

    /** As {@link #run}, returning what the program printed on stderr too. */
    public static Output runForOutput(Workspace ws, List<String> command, Duration bound)
            throws IOException, InterruptedException {
        // stdin is a pipe demo keeps open: a program that watches it for its end (demo's own
        // scripts do) exits when demo dies, even by SIGKILL, as a child JVM does
        ProcessBuilder pb = new ProcessBuilder(command).directory(ws.directory().toFile());
        long deadline = System.nanoTime() + bound.toNanos();
        try (ExternalProgram program = ws.startExternal(pb)) {
            Process p = program.process;
            FutureTask<String> out = reader(p.getInputStream(), "stdout");
            FutureTask<String> err = reader(p.getErrorStream(), "stderr");
            if (!p.waitFor(bound.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ExternalProgramException(command.get(0), -1, "did not finish in time");
            }
            // a program that leaves a child holding its output open ends; its output may not
            String output = within(out, deadline);
            if (p.exitValue() != 0) {
                String[] lines = within(err, deadline).strip().split("\n");
                String last = lines[lines.length - 1].strip();
                throw new ExternalProgramException(command.get(0), p.exitValue(), last.isEmpty() ? "-" : last);
            }
            return new Output(output, within(err, deadline));
        }
    }

    private static FutureTask<String> reader(InputStream in, String name) {
        FutureTask<String> task = new FutureTask<>(() -> read(in));
        Thread t = new Thread(task, "external-" + name);
        t.setDaemon(true);
        t.start();
        return task;
    }

    private static String within(FutureTask<String> task, long deadline) throws InterruptedException {
        try {
            return task.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return "";
        }
    }


    /** The most of a program's stdout or stderr that is kept; the rest is read and dropped. */
    static final int MAX_OUTPUT = 1 << 20;

    private static String read(InputStream in) {
        try (in) {
            byte[] kept = in.readNBytes(MAX_OUTPUT);
            in.transferTo(java.io.OutputStream.nullOutputStream()); // the program must not block on a full pipe
            return new String(kept, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Kills the program and its children, if it still runs. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
