package concurrencydemo;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The POSIX launcher {@code ./demo}, run for real on a copy of this repository: the first build
 * (three launchers at once), a symbolic link to it, a rebuild while a demo runs, a damaged class-data
 * archive, the C locale with folders named in Chinese, a launcher killed while it builds (with
 * flock, and without as on macOS), a stale lock, and one java shim for two JDKs. The copy is shared,
 * and built for real by the first test, and rebuilt for real once a source changed; the tests run
 * in order. The builds of the tests that kill a launcher part-way are made by a stand-in for Maven
 * on the PATH that copies the first build's jar: the launcher's locking, pinning and clean-up are
 * the same whatever makes the jar.
 */
@DisabledOnOs(OS.WINDOWS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(150)
class LauncherTest {
    /** Non-ASCII in the copy's path, where this JVM can name such a file (not under LANG=C). */
    private static final String CHINESE = "中文";

    @TempDir
    static Path shared;
    private static Path repo;
    private static Path elsewhere;
    private static Path tmp;
    private static Path logs;

    private final List<Process> started = new ArrayList<>();
    /** The stand-in for Maven (see {@link #standIn}), made after the real build. */
    private static Path standInBin;

    @BeforeAll
    static void copyTheRepository() throws IOException {
        String name = canName(CHINESE) ? "demo repo " + CHINESE : "demo repo";
        repo = Files.createDirectory(shared.resolve(name));
        elsewhere = Files.createDirectory(shared.resolve("elsewhere"));
        tmp = Files.createDirectory(shared.resolve("tmp"));
        logs = Files.createDirectory(shared.resolve("logs"));
        Path project = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        for (String file : List.of("demo", "mvnw", "pom.xml", ".mvn", "src/main")) {
            copy(project.resolve(file), repo.resolve(file));
        }
    }

    /** The links of {@link #pathWithoutFlock()}, which JUnit would warn of one by one. */
    @AfterAll
    static void removeLinks() throws IOException {
        Path bin = shared.resolve("no-flock");
        if (Files.isDirectory(bin)) {
            try (Stream<Path> links = Files.list(bin)) {
                for (Path link : links.toList()) {
                    Files.delete(link);
                }
            }
        }
    }

    @AfterEach
    void destroyEverythingStarted() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    @DisplayName("three first runs at once, from another folder: one builds, the others wait, all succeed, nothing left in TMPDIR")
    void threeFirstRunsAtOnce() throws Exception {
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(start(elsewhere, Map.of(), "first-" + i, repo.resolve("demo").toString(), "list"));
        }
        for (int i = 0; i < 3; i++) {
            assertThat(runs.get(i).waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(runs.get(i).exitValue()).withFailMessage(() -> err("first-0") + err("first-1") + err("first-2"))
                    .isZero();
            assertThat(out("first-" + i)).contains("Run them all with: ./demo all");
        }
        String stderr = err("first-0") + err("first-1") + err("first-2");
        assertThat(stderr.split("building demo", -1)).hasSize(2);
        assertThat(builds()).hasSize(1);
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
        try (Stream<Path> left = Files.list(elsewhere)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    @Order(2)
    @DisplayName("a symbolic link to the launcher (relative, and to another link) runs the repository's demo")
    void symbolicLink() throws Exception {
        Path bin = Files.createDirectories(shared.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("demo"), Path.of("..", repo.getFileName().toString(), "demo"));
        Files.createSymbolicLink(bin.resolve("d"), Path.of("demo"));
        Process p = start(elsewhere, Map.of(), "link", bin.resolve("d").toString(), "list");
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).withFailMessage(() -> err("link")).isZero();
        assertThat(out("link")).contains("Run them all with: ./demo all");
        assertThat(err("link")).isEmpty();
        assertThat(bin.resolve("target")).doesNotExist();
    }

    @Test
    @Order(3)
    @DisplayName("a rebuild while a demo runs: the demo and the child JVMs it starts later keep their build, and it exits 0")
    void rebuildWhileADemoRuns() throws Exception {
        // pools: child JVMs all along; not locks, whose watchdog calls a thread stuck after 500ms
        Process running = start(elsewhere, Map.of(), "running", repo.resolve("demo").toString(),
                "pools", "--trials", "20", "--format", "json", "--timeout", "10m");
        String command = awaitJava(running);
        assertThat(command).contains("-Ddemo.stdout.tty=false", "-Ddemo.stderr.tty=false");

        // Frozen for as long as the rebuild takes, however long that is on a busy machine: most of
        // its trials, and their child JVMs, run after the rebuild.
        Thread.sleep(500);
        List<ProcessHandle> frozen = new ArrayList<>();
        frozen.add(running.toHandle());
        signal("STOP", running.toHandle());
        running.descendants().forEach(h -> {
            frozen.add(h);
            signal("STOP", h);
        });
        Path source = repo.resolve("src/main/java/concurrencydemo/Main.java");
        Files.setLastModifiedTime(source, FileTime.from(Instant.now()));
        // a real Maven build, after a source changed: an incremental build must still make a whole
        // jar (one that lost picocli's classes once ran no command at all)
        Process rebuild = start(elsewhere, Map.of(), "rebuild", repo.resolve("demo").toString(), "list");
        boolean rebuilt = rebuild.waitFor(120, TimeUnit.SECONDS);
        frozen.forEach(h -> signal("CONT", h));
        assertThat(rebuilt).isTrue();
        assertThat(rebuild.exitValue()).withFailMessage(() -> err("rebuild")).isZero();
        assertThat(err("rebuild")).contains("rebuilding");
        assertThat(running.isAlive()).isTrue();
        assertThat(builds()).hasSize(2); // the running demo's build stays while it runs

        assertThat(running.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(running.exitValue()).withFailMessage(() -> err("running")).isZero();
        assertThat(JsonParser.parseString(out("running")).isJsonObject()).isTrue();
    }

    @Test
    @Order(4)
    @DisplayName("a truncated class-data archive is replaced, not run: no abort, no hs_err file")
    void truncatedArchive() throws Exception {
        List<Path> archives = files("demo-" + currentBuild() + "-", ".jsa");
        assertThat(archives).isNotEmpty();
        for (Path a : archives) {
            a.toFile().setWritable(true);
            try (var ch = Files.newByteChannel(a, java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(Files.size(a) / 2);
            }
        }
        Process p = start(elsewhere, Map.of(), "truncated", repo.resolve("demo").toString(), "--version");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).withFailMessage(() -> err("truncated")).isZero();
        assertThat(out("truncated")).startsWith("demo ");
        try (Stream<Path> left = Files.list(elsewhere)) {
            assertThat(left).isEmpty();
        }
        for (Path a : files("demo-" + currentBuild() + "-", ".jsa")) {
            String size = Files.readString(Path.of(a + ".size")).trim();
            assertThat(Files.size(a)).isEqualTo(Long.parseLong(size));
        }
    }

    @Test
    @Order(5)
    @DisplayName("LANG=C, TMPDIR and the repository in folders named in Chinese: process lessons still run")
    void cLocaleAndChineseFolders() throws Exception {
        assumeTrue(canName(CHINESE), "this JVM cannot name such a folder itself (its locale is not UTF-8)");
        Path chineseTmp = Files.createDirectory(shared.resolve("tmp " + CHINESE));
        Map<String, String> env = new HashMap<>();
        env.put("LANG", "C");
        env.put("LC_ALL", null);
        env.put("LC_CTYPE", null);
        env.put("TMPDIR", chineseTmp.toString());
        for (String lesson : List.of("race-condition", "queues")) {
            Process p = start(elsewhere, env, lesson, repo.resolve("demo").toString(), lesson, "--window", "1ms", "--no-color");
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).withFailMessage(() -> err(lesson)).isZero();
            assertThat(out(lesson)).contains("Summary: " + lesson);
        }
        // a Chinese locale this system may lack: the launcher repairs the character type, and demo
        // still speaks the language the locale named, in a folder named in Chinese
        Map<String, String> chineseLocale = new HashMap<>(env);
        chineseLocale.put("LANG", "zh_CN.UTF-8");
        chineseLocale.put("LC_MESSAGES", null);
        Process zhLocale = start(elsewhere, chineseLocale, "zh-locale", repo.resolve("demo").toString(),
                "race-condition", "--window", "1ms", "--no-color");
        assertThat(zhLocale.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(zhLocale.exitValue()).withFailMessage(() -> err("zh-locale")).isZero();
        assertThat(out("zh-locale")).contains("小结：race-condition");
        // Chinese under LANG=C: demo writes UTF-8 whatever the locale's charset, so the bytes are Chinese
        Process zh = start(elsewhere, env, "zh", repo.resolve("demo").toString(), "list", "--lang", "zh-CN");
        assertThat(zh.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(zh.exitValue()).withFailMessage(() -> err("zh")).isZero();
        assertThat(out("zh")).contains("各课按教学顺序排列", "进程间分享数据");
        try (Stream<Path> left = Files.list(chineseTmp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    @Order(6)
    @DisplayName("kill -9 while building: two launchers after it build once and run; a build a launcher is about to run stays")
    void killedWhileBuilding() throws Exception {
        String old = currentBuild();
        // a launcher between its check and its exec: the old jar locked shared, named by no process
        Process pinned = start(elsewhere, Map.of("JAR", jarOf(old).toString()), "pinned",
                "sh", "-c", "exec 8<\"$JAR\"; flock -s 8; echo pinned; exec sleep 600");
        awaitOut("pinned", "pinned");

        killWhileBuilding(Map.of(), "killed");
        raceTwo(Map.of(), "after-kill");
        assertThat(currentBuild()).isNotEqualTo(old);
        assertThat(jarOf(old)).exists();
        assertThat(builds()).hasSize(2); // the pinned one and the new one
    }

    @Test
    @Order(7)
    @DisplayName("without flock (macOS): kill -9 while building leaves a stale lock; of two launchers racing to take it over, one builds")
    void killedWhileBuildingWithoutFlock() throws Exception {
        Map<String, String> env = Map.of("PATH", pathWithoutFlock().toString());
        killWhileBuilding(env, "killed-mkdir");
        assertThat(Files.isSymbolicLink(repo.resolve("target/run/build.owner"))).isTrue(); // its stale lock
        raceTwo(env, "after-kill-mkdir");
        assertThat(repo.resolve("target/run/build.owner")).doesNotExist();
    }

    @Test
    @Order(8)
    @DisplayName("without flock: a stale lock whose pid now names another live process is taken over, not waited on")
    void staleLockOfAReusedPid() throws Exception {
        Path run = repo.resolve("target/run");
        for (Path a : files("demo-" + currentBuild() + "-", ".jsa")) {
            Files.delete(a);
        }
        // this JVM is alive, but started at another time than the link says
        Files.createSymbolicLink(run.resolve("build.owner"),
                Path.of("pid=" + ProcessHandle.current().pid() + " start=Thu Jan 1 00:00:00 1970"));
        Process p = start(elsewhere, Map.of("PATH", pathWithoutFlock().toString()), "reused", repo.resolve("demo").toString(),
                "--version");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).withFailMessage(() -> err("reused")).isTrue();
        assertThat(p.exitValue()).withFailMessage(() -> err("reused")).isZero();
        assertThat(err("reused")).isEmpty();
        assertThat(files("demo-" + currentBuild() + "-", ".jsa")).hasSize(1);
        assertThat(run.resolve("build.owner")).doesNotExist();
    }

    @Test
    @Order(9)
    @DisplayName("one java shim (jenv, asdf) for JDK 17 and JDK 25: an archive for each, each used, no crash")
    void oneShimForTwoJdks() throws Exception {
        Map<String, Path> jdks = new java.util.LinkedHashMap<>();
        jdks.put(Integer.toString(Runtime.version().feature()), Path.of(System.getProperty("java.home")));
        Optional<Map.Entry<String, Path>> other = anotherJdk();
        assumeTrue(other.isPresent(), "no second JDK (of another version, 17 or newer) beside " + System.getProperty("java.home"));
        jdks.put(other.get().getKey(), other.get().getValue());
        Path shim = Files.createDirectories(shared.resolve("shim/bin")).resolve("java");
        Files.writeString(shim, "#!/bin/sh\nexec \"$DEMO_TEST_JDK/bin/java\" \"-Xlog:cds=info:file=$DEMO_TEST_CDS_LOG\" \"$@\"\n");
        assertThat(shim.toFile().setExecutable(true)).isTrue();
        String build = currentBuild();
        List<Path> before = files("demo-" + build + "-", ".jsa");
        for (int round = 0; round < 2; round++) {
            for (var jdk : jdks.entrySet()) {
                String name = "shim-" + jdk.getKey() + "-" + round;
                Path log = logs.resolve(name + ".cds");
                Process p = start(elsewhere, Map.of("JAVA_HOME", shim.getParent().getParent().toString(),
                        "DEMO_TEST_JDK", jdk.getValue().toString(), "DEMO_TEST_CDS_LOG", log.toString()), name,
                        repo.resolve("demo").toString(), "--version");
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).withFailMessage(() -> err(name)).isZero();
                assertThat(out(name)).contains("Java " + jdk.getKey() + ".");
                assertThat(err(name)).isEmpty();
                // the log of the last JVM the launcher started: the demo itself
                String cds = Files.readString(log);
                assertThat(cds).withFailMessage(cds).contains("Mapped dynamic region").doesNotContain("[error");
            }
        }
        assertThat(currentBuild()).isEqualTo(build);
        List<Path> after = new ArrayList<>(files("demo-" + build + "-", ".jsa"));
        after.removeAll(before);
        assertThat(after).hasSize(2);
        try (Stream<Path> hs = Files.list(repo.resolve("target/run"))) {
            assertThat(hs.filter(f -> f.getFileName().toString().startsWith("hs_err"))).isEmpty();
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /**
     * A JDK 17 or newer of another feature version than this one, with its version: one named by
     * DEMO_TEST_OTHER_JDK, or else one beside this JDK (e.g. in /usr/lib/jvm) whose release file
     * says so.
     */
    private static Optional<Map.Entry<String, Path>> anotherJdk() throws IOException {
        String named = System.getenv("DEMO_TEST_OTHER_JDK");
        Path home = Path.of(System.getProperty("java.home")).toRealPath();
        List<Path> candidates = new ArrayList<>();
        if (named != null) {
            candidates.add(Path.of(named));
        } else {
            try (Stream<Path> beside = Files.list(home.getParent())) {
                candidates.addAll(beside.sorted().toList());
            }
        }
        for (Path jdk : candidates) {
            Path release = jdk.resolve("release");
            if (!Files.isExecutable(jdk.resolve("bin/java")) || !Files.isRegularFile(release)) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
            if (m.find() && Integer.parseInt(m.group(1)) >= 17 && Integer.parseInt(m.group(1)) != Runtime.version().feature()) {
                return Optional.of(Map.entry(m.group(1), jdk));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code env}, with a stand-in for Maven first on its PATH (or this JVM's PATH): a script that
     * "builds" demo by copying the jar the real build made, {@code seconds} after it starts, and
     * notes each start in logs/builds.
     */
    private static Map<String, String> standIn(Map<String, String> env, String seconds) throws IOException {
        if (standInBin == null) {
            Files.copy(repo.resolve("target/launcher/demo.jar"), shared.resolve("prebuilt.jar"));
            standInBin = Files.createDirectory(shared.resolve("stand-in"));
            Path mvn = standInBin.resolve("mvn");
            Files.writeString(mvn, String.join("\n",
                    "#!/bin/sh",
                    "# Maven's stand-in: builds demo by copying the jar the real build made",
                    "echo \"$$\" >>\"$DEMO_TEST_BUILDS\"",
                    "sleep \"$DEMO_TEST_BUILD_SECONDS\"",
                    "for a in \"$@\"; do case $a in -Ddemo.buildDirectory=*) out=${a#-Ddemo.buildDirectory=} ;; esac; done",
                    "mkdir -p \"$out\" && cp \"$DEMO_TEST_JAR\" \"$out/demo.jar\"", ""));
            assertThat(mvn.toFile().setExecutable(true)).isTrue();
            Files.writeString(logs.resolve("builds"), "");
        }
        Map<String, String> with = new HashMap<>(env);
        with.put("PATH", standInBin + File.pathSeparator + env.getOrDefault("PATH", System.getenv("PATH")));
        with.put("DEMO_TEST_JAR", shared.resolve("prebuilt.jar").toString());
        with.put("DEMO_TEST_BUILDS", logs.resolve("builds").toString());
        with.put("DEMO_TEST_BUILD_SECONDS", seconds);
        return with;
    }

    /** How many builds the stand-in has begun. */
    private static long standInBuilds() throws IOException {
        return Files.readAllLines(logs.resolve("builds")).size();
    }

    /** Starts a launcher after touching a source, and kills it (kill -9, then its build) while it builds. */
    private void killWhileBuilding(Map<String, String> env, String name) throws Exception {
        Files.setLastModifiedTime(repo.resolve("src/main/java/concurrencydemo/Main.java"), FileTime.from(Instant.now()));
        Map<String, String> building = standIn(env, "600");
        long builds = standInBuilds();
        Process p = start(elsewhere, building, name, repo.resolve("demo").toString(), "--version");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (standInBuilds() == builds && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(standInBuilds()).withFailMessage(() -> "it did not build: " + err(name)).isGreaterThan(builds);
        assertThat(repo.resolve("target/run/build.log")).exists(); // the build under way
        List<ProcessHandle> tree = p.descendants().toList();
        p.destroyForcibly(); // SIGKILL: no trap runs
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : tree) {
            h.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    /** Two launchers at once, after a source changed: one rebuilds, the other waits; both run. */
    private void raceTwo(Map<String, String> env, String name) throws Exception {
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(start(elsewhere, standIn(env, "1"), name + "-" + i, repo.resolve("demo").toString(), "--version"));
        }
        for (int i = 0; i < 2; i++) {
            assertThat(runs.get(i).waitFor(120, TimeUnit.SECONDS)).withFailMessage(() -> err(name + "-0") + err(name + "-1"))
                    .isTrue();
            assertThat(runs.get(i).exitValue()).withFailMessage(() -> err(name + "-0") + err(name + "-1")).isZero();
            assertThat(out(name + "-" + i)).startsWith("demo ");
        }
        assertThat((err(name + "-0") + err(name + "-1")).split("rebuilding", -1)).hasSize(2);
    }

    private static void awaitOut(String name, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!out(name).contains(text)) {
            assertThat(System.nanoTime() < deadline).withFailMessage(() -> err(name)).isTrue();
            Thread.sleep(20);
        }
    }

    private static Path jarOf(String build) {
        return repo.resolve("target/run/demo-" + build + ".jar");
    }

    /** A folder of links to every command on the PATH but flock, as on macOS. */
    private static Path pathWithoutFlock() throws IOException {
        Path bin = shared.resolve("no-flock");
        if (Files.isDirectory(bin)) {
            return bin;
        }
        Files.createDirectory(bin);
        for (String dir : System.getenv("PATH").split(":")) {
            File[] commands = new File(dir).listFiles();
            for (File c : commands == null ? new File[0] : commands) {
                Path link = bin.resolve(c.getName());
                if (!c.getName().equals("flock") && c.canExecute() && !c.isDirectory() && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, c.toPath());
                }
            }
        }
        assertThat(bin.resolve("flock")).doesNotExist();
        return bin;
    }


    /**
     * Starts {@code command} in {@code dir} with this JVM's JDK as JAVA_HOME, TMPDIR an empty folder
     * of the test's, and {@code env} on top (a null value removes a variable); stdout and stderr go
     * to files named after {@code name}.
     */
    private Process start(Path dir, Map<String, String> env, String name, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(logs.resolve(name + ".out").toFile())
                .redirectError(logs.resolve(name + ".err").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("TMPDIR", tmp.toString());
        // English whatever the machine's locale (the tests read demo's words); a test's env may say otherwise
        pb.environment().remove("LC_ALL");
        pb.environment().put("LC_MESSAGES", "C");
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static String out(String name) throws IOException {
        return Files.readString(logs.resolve(name + ".out"), StandardCharsets.UTF_8);
    }

    private static String err(String name) {
        try {
            return Files.readString(logs.resolve(name + ".err"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The command line of the JVM that the launcher has become (it execs java). */
    private static String awaitJava(Process launcher) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && launcher.isAlive()) {
            String[] args = launcher.info().arguments().orElse(new String[0]);
            if (Arrays.asList(args).contains("-jar")) {
                return String.join(" ", args);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the launcher did not start java");
    }

    private static void signal(String signal, ProcessHandle h) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(h.pid())).start().waitFor();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String currentBuild() throws IOException {
        return Files.readString(repo.resolve("target/run/current")).trim();
    }

    private static List<Path> builds() throws IOException {
        return files("demo-", ".jar");
    }

    private static List<Path> files(String prefix, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(repo.resolve("target/run"))) {
            return s.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(suffix);
            }).toList();
        }
    }

    private static boolean canName(String s) {
        return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).newEncoder().canEncode(s);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
