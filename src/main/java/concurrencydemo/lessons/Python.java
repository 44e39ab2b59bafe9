package concurrencydemo.lessons;

import concurrencydemo.multiprocessing.ExternalProgram;
import concurrencydemo.multiprocessing.Workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CPython, for the lessons that run a Python program of demo's own beside its Java twin (gil,
 * processes' main guard): found on the {@code PATH}, or absent, and then those variants are left
 * out with a notice.
 */
final class Python {
    private Python() {
    }

    /** {@code python3} on the {@code PATH}, if any. */
    static Optional<Path> find() {
        return ExternalProgram.onPath("python3").or(() -> ExternalProgram.onPath("python3.exe"));
    }

    /**
     * Runs the script {@code resource} (beside this class) with {@code args}, in the workspace's
     * directory, and returns what it printed.
     */
    static ExternalProgram.Output run(Workspace ws, String resource, List<String> args, Duration bound)
            throws IOException, InterruptedException {
        Path script = ws.directory().resolve(resource);
        try (InputStream in = Python.class.getResourceAsStream(resource)) {
            Files.copy(in, script);
        }
        List<String> command = new ArrayList<>();
        command.add(find().orElseThrow().toString());
        command.add(script.toString());
        command.addAll(args);
        return ExternalProgram.runForOutput(ws, command, bound);
    }
}
