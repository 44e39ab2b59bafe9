package concurrencydemo.exercises;

import concurrencydemo.framework.Diagnosis;
import concurrencydemo.framework.LessonOptions;
import concurrencydemo.framework.Watchdog;
import concurrencydemo.multiprocessing.ChildProcess;
import concurrencydemo.multiprocessing.ProcessQueue;
import concurrencydemo.multiprocessing.Task;
import concurrencydemo.multiprocessing.Workspace;
import concurrencydemo.report.Language;
import concurrencydemo.report.Message;
import concurrencydemo.report.Texts;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * What a check runs in its child JVM, whose class path holds the student's compiled classes: calls
 * the student's {@code run(Work)} once per trial, each time with sizes drawn anew, watches it under
 * a time bound that restarts with every counted call, grades each trial, and stops at the first
 * wrong one. Sends a {@link Result} to the parent after every trial (a frame on {@code results}, a
 * queue the parent owns), so a check that is cut short still has the trials so far.
 *
 * @param exercise the exercise's name
 * @param trials   how many runs
 * @param seed     where the sizes come from
 * @param language the language of the report's lines (a tag)
 * @param results  where the results go, one a trial: the last one's kind is not {@code RUNNING}
 * @param bounds   how long a worker waits at the start line, and how long a run may go without a step
 */
record Harness(String exercise, int trials, long seed, String language, ProcessQueue<Harness.Result> results,
        Checker.Bounds bounds) implements Task {
    private static final long serialVersionUID = 1L;
    /** A look at the clock this long after the last: the JVM was suspended meanwhile, and it does not count. */
    private static final long SUSPENDED_NANOS = java.time.Duration.ofMillis(500).toNanos();
    /** The most threads a report lists, one line each. */
    static final int MAX_LISTED = 8;
    /** The most frames of the student's shown for one exception (a StackOverflowError has thousands). */
    private static final int MAX_FRAMES = 12;

    /**
     * What the parent receives: trials done and passed, and how the check stands: {@code RUNNING}
     * while trials remain, else how it ended, with the report's lines when a trial was not right.
     */
    record Result(int trials, int passed, Checker.Kind kind, List<String> report) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public void run() throws Exception {
        try {
            check();
        } finally {
            // what the student's code started with ProcessBuilder would outlive this JVM: stop it too
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    private void check() throws Exception {
        Exercise ex = Exercises.named(exercise).orElseThrow();
        Texts texts = Texts.of(Language.parse(language).orElse(Language.ENGLISH)).with(Exercises.BUNDLE);
        Method run;
        try {
            run = runMethod(Class.forName(ex.className()));
        } catch (ExceptionInInitializerError e) {
            send(new Result(trials, 0, Checker.Kind.THREW, threw(texts, ex, 1, trials, "main", e.getCause())));
            return;
        } catch (ReflectiveOperationException | LinkageError e) {
            run = null;
        }
        if (run == null) {
            send(new Result(trials, 0, Checker.Kind.UNUSABLE, List.of(texts.format("check.noRun", ex.fileName()))));
            return;
        }
        Random random = new Random(seed);
        try (Workspace ws = Workspace.create(line -> { })) {
            for (int k = 1; k <= trials; k++) {
                Work.Sizes sizes = ex.sizes().apply(random);
                Work work = Work.create(ws, sizes, ex.pause(), bounds.begin());
                List<String> wrong = trial(ex, texts, run, work, sizes, ws, k);
                if (wrong != null) {
                    return;
                }
                send(new Result(trials, k, k == trials ? Checker.Kind.PASSED : Checker.Kind.RUNNING, List.of()));
            }
        }
    }

    private static Method runMethod(Class<?> c) {
        for (Method m : c.getMethods()) {
            if (m.getName().equals("run") && Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 1
                    && m.getParameterTypes()[0] == Work.class) {
                return m;
            }
        }
        return null;
    }

    /** Runs one trial; returns null when it was right, else the report it has written. */
    private List<String> trial(Exercise ex, Texts texts, Method run, Work work, Work.Sizes sizes, Workspace own, int k)
            throws Exception {
        Set<Thread> before = new HashSet<>(allThreads());
        List<Uncaught> uncaught = new ArrayList<>();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            synchronized (uncaught) {
                uncaught.add(new Uncaught(t.getName(), e));
            }
        });
        AtomicReference<Object> returned = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Work.Facts> atReturn = new AtomicReference<>();
        Thread main = new Thread(() -> {
            try {
                returned.set(run.invoke(null, work));
            } catch (InvocationTargetException e) {
                thrown.set(e.getCause());
            } catch (Throwable e) {
                thrown.set(e);
            }
            atReturn.set(work.facts());
        }, "main");
        work.calledBy(main);
        // a run that keeps stepping and never returns is stopped by this, not by the stall bound:
        // well before the check stops waiting for this JVM. Its clock, as the watchdog's, does
        // not count time this JVM was suspended (Ctrl-Z): the await below looks every 25 ms
        long[] active = {0, System.nanoTime()};
        BooleanSupplier tooLong = () -> {
            long now = System.nanoTime();
            long took = now - active[1];
            active[1] = now;
            active[0] += took > SUSPENDED_NANOS ? 0 : took;
            return active[0] > longest().toNanos();
        };
        main.start();
        if (!await(() -> !main.isAlive() || tooLong.getAsBoolean(), work, own)) {
            return stuck(ex, texts, work, sizes, before, main, k);
        }
        if (main.isAlive()) {
            return tooLong(ex, texts, before, main, k);
        }
        if (thrown.get() != null) {
            return report(k, Checker.Kind.THREW, threw(texts, ex, k, trials, "main", thrown.get()));
        }
        // the run returned: its workers (threads, processes) must end too before it is graded
        BooleanSupplier allEnded = () -> started(before, main).stream().allMatch(t -> t.isDaemon() || !t.isAlive())
                && Workspace.openWorkspaces().stream().filter(ws -> ws != own)
                        .allMatch(ws -> ws.children().stream().noneMatch(ChildProcess::isAlive));
        if (!await(() -> allEnded.getAsBoolean() || tooLong.getAsBoolean(), work, own) || !allEnded.getAsBoolean()) {
            List<String> lines = new ArrayList<>();
            lines.add(tooLong.getAsBoolean()
                    ? texts.format("check.tooLong", k, trials, LessonOptions.show(longest()))
                    : texts.format("check.neverEnded", k, trials, LessonOptions.show(bounds.stall())));
            List<String> running = new ArrayList<>();
            listThreads(texts, ex, lines, students(ex, before, main).stream().filter(t -> !t.isDaemon()).toList(), running);
            addRunningNote(texts, lines, running);
            return report(k, Checker.Kind.STUCK, lines);
        }
        closeLeftOpen(own);
        synchronized (uncaught) {
            if (!uncaught.isEmpty()) {
                Uncaught first = uncaught.get(0);
                return report(k, Checker.Kind.THREW, threw(texts, ex, k, trials, first.thread(), first.error()));
            }
        }
        Message wrong = ex.grader().grade(sizes, returned.get(), atReturn.get(), work.facts());
        if (wrong != null) {
            List<String> lines = new ArrayList<>();
            lines.add(texts.format("check.trialWrong", k, trials));
            lines.add(texts.format(wrong));
            return report(k, Checker.Kind.WRONG, lines);
        }
        return null;
    }

    /** The threads the student's run started (and are still known to the JVM), main first. */
    private static List<Thread> started(Set<Thread> before, Thread main) {
        List<Thread> threads = new ArrayList<>();
        for (Thread t : allThreads()) {
            if (!before.contains(t) && t != main && !t.getName().endsWith("-output")) {
                threads.add(t);
            }
        }
        return threads;
    }

    /** Closes the workspaces the student's run left open (their processes are gone by now). */
    private static void closeLeftOpen(Workspace own) {
        for (Workspace ws : Workspace.openWorkspaces()) {
            if (ws != own) {
                ws.close();
            }
        }
    }

    /**
     * Waits until {@code done}, for as long as the run keeps counting calls: false once it has gone
     * the exercise's stall bound without one. Not counted: time this JVM was suspended (see
     * {@link Watchdog}), and time while a child JVM of the student's program is still starting (on
     * a busy machine a JVM takes seconds to, and that is not the program standing still; one that
     * never begins its task is the check's own bound's to stop).
     */
    private boolean await(BooleanSupplier done, Work work, Workspace own) throws InterruptedException {
        int[] starting = {0}; // each look that finds a child still starting is a step: the bound starts afresh
        return Watchdog.await(nanos -> {
            if (!done.getAsBoolean() && nanos > 0) {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
            return done.getAsBoolean();
        }, bounds.stall(), () -> work.progress() + (childStarting(own) ? ++starting[0] : starting[0]));
    }

    /** Whether a child JVM of the student's program is alive and has not yet begun its task. */
    private static boolean childStarting(Workspace own) {
        for (Workspace ws : Workspace.openWorkspaces()) {
            if (ws != own && ws.children().stream().anyMatch(p -> p.isAlive() && !p.taskBegun())) {
                return true;
            }
        }
        return false;
    }

    private List<String> stuck(Exercise ex, Texts texts, Work work, Work.Sizes sizes, Set<Thread> before,
            Thread main, int k) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        lines.add(texts.format("check.stuck", k, trials, LessonOptions.show(bounds.stall())));
        List<String> running = new ArrayList<>();
        lines.add("  " + where(texts, ex, main, "main", running));
        listThreads(texts, ex, lines, students(ex, before, main), running);
        for (Workspace ws : Workspace.openWorkspaces()) {
            for (ChildProcess p : ws.children()) {
                if (p.isAlive()) {
                    lines.add("  " + texts.format("check.processRunning", p.name(), p.pid()));
                }
            }
        }
        addRunningNote(texts, lines, running);
        Work.Facts facts = work.facts();
        if (facts.thrown() > 0) {
            lines.add(texts.format("check.stuckAfterThrow", facts.thrown()));
        }
        return report(k, Checker.Kind.STUCK, lines);
    }

    /**
     * The longest a run may take in all, stepping all the while: twice the stall bound and a
     * second, well within what the check waits for a result of this JVM's.
     */
    private java.time.Duration longest() {
        return bounds.stall().multipliedBy(2).plusSeconds(1);
    }

    /** A run that kept making steps and did not return within {@link #longest()}. */
    private List<String> tooLong(Exercise ex, Texts texts, Set<Thread> before, Thread main, int k)
            throws InterruptedException {
        List<String> lines = new ArrayList<>();
        lines.add(texts.format("check.tooLong", k, trials, LessonOptions.show(longest())));
        List<String> running = new ArrayList<>();
        lines.add("  " + where(texts, ex, main, "main", running));
        listThreads(texts, ex, lines, students(ex, before, main), running);
        addRunningNote(texts, lines, running);
        return report(k, Checker.Kind.STUCK, lines);
    }

    /** Where each of {@code threads} is, one line each, the first {@link #MAX_LISTED} of them. */
    private static void listThreads(Texts texts, Exercise ex, List<String> lines, List<Thread> threads, List<String> running) {
        for (Thread t : threads.subList(0, Math.min(MAX_LISTED, threads.size()))) {
            lines.add("  " + where(texts, ex, t, t.getName(), running));
        }
        if (threads.size() > MAX_LISTED) {
            lines.add("  " + texts.format("check.moreThreads", threads.size() - MAX_LISTED));
        }
    }

    /**
     * Every live platform thread of this JVM, without their stacks: a student's program may have
     * started thousands, and {@link Thread#getAllStackTraces} would walk every one of them.
     */
    private static List<Thread> allThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 64];
        int n;
        while ((n = root.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        return java.util.Arrays.asList(threads).subList(0, n);
    }

    /**
     * The live threads the student's run started: those running the student's code, and those
     * that would keep a Java program from exiting (not daemon threads); not the JDK's or demo's
     * own helpers (a process reaper, a pool's dispatcher).
     */
    private static List<Thread> students(Exercise ex, Set<Thread> before, Thread main) {
        List<Thread> threads = new ArrayList<>();
        for (Thread t : started(before, main)) {
            if (!t.isAlive()) {
                continue;
            }
            boolean theirs = !t.isDaemon();
            for (StackTraceElement frame : t.getStackTrace()) {
                theirs |= ex.fileName().equals(frame.getFileName());
            }
            if (theirs) {
                threads.add(t);
            }
        }
        return threads;
    }

    /**
     * Where a thread of the student's waits, in words: {@code Thread-1 is waiting for a
     * ReentrantLock held by Thread-0, at StrandedLock.java:46}; when the JDK cannot name a lock's
     * holder, by the call it waits in: {@code main is waiting in JoinableQueue.join(), at
     * TaskDone.java:38}. A thread found running its own code ({@link #runningOwnCode}) is added
     * to {@code running}, for the note that follows the threads.
     */
    private static String where(Texts texts, Exercise ex, Thread t, String name, List<String> running) {
        StackTraceElement[] frames = t.getStackTrace();
        Diagnosis.ThreadState state = Diagnosis.of(t, name);
        if (runningOwnCode(state.activity(), frames, ex.fileName())) {
            running.add(name);
        }
        for (int i = 0; i < frames.length; i++) {
            StackTraceElement frame = frames[i];
            if (!ex.fileName().equals(frame.getFileName()) || frame.getLineNumber() <= 0) {
                continue;
            }
            if (!state.activity().namesWhatItWaitsFor() && i > 0 && t.getState() != Thread.State.RUNNABLE) {
                String callee = frames[i - 1].getClassName();
                callee = callee.substring(callee.lastIndexOf('.') + 1).replace('$', '.');
                if (callee.endsWith("ConditionObject")) {
                    callee = "Condition"; // the JDK's class behind Condition, which the student called
                }
                return texts.format("check.waitingIn", name, callee + "." + frames[i - 1].getMethodName(),
                        ex.fileName(), frame.getLineNumber());
            }
            Message words = state.activity() == Diagnosis.Activity.WAITING_FOR_HELD_LOCK && !alive(state.holder())
                    ? Message.of(Diagnosis.article("check.heldByEnded", state.lock()), name, state.lock(), state.holder())
                    : state.words();
            return texts.format("check.at", texts.format(words), ex.fileName(), frame.getLineNumber());
        }
        return texts.format(state.words());
    }

    /**
     * Whether a stuck thread was running the student's own code: its state {@code RUNNING} (not
     * waiting, not blocked) and its innermost frame in the student's file, not in a call to the JDK
     * or to demo. That is what a loop looks like that waits for a plain field another thread
     * writes, once the JIT (C1 too, which the check's JVM runs) has moved the field's read out of
     * the loop: the loop never ends, and it makes no call. It is also what any other endless loop
     * of the student's looks like, so the note it leads to says "may".
     */
    static boolean runningOwnCode(Diagnosis.Activity activity, StackTraceElement[] frames, String fileName) {
        return activity == Diagnosis.Activity.RUNNING && frames.length > 0 && fileName.equals(frames[0].getFileName());
    }

    /**
     * The note for the threads found running their own code ({@link #runningOwnCode}), by name:
     * that they may be spinning on a field whose write they never see, a visibility bug, and what
     * makes the write visible. Null when there are none.
     */
    static Message runningNote(List<String> running) {
        return running.isEmpty() ? null : Message.of("check.runningOwnCode", String.join(", ", running));
    }

    private static void addRunningNote(Texts texts, List<String> lines, List<String> running) {
        Message note = runningNote(running);
        if (note != null) {
            lines.add(texts.format(note));
        }
    }

    /** Whether a live thread is named {@code name}. */
    private static boolean alive(String name) {
        return allThreads().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    /** An exception in words: the thread, the exception, then only the frames in the student's file. */
    static List<String> threw(Texts texts, Exercise ex, int k, int trials, String thread, Throwable e) {
        List<String> lines = new ArrayList<>();
        lines.add(texts.format("check.threw", k, trials, thread));
        Throwable t = e;
        int depth = 0;
        while (t != null && depth++ < 5) {
            lines.add((depth == 1 ? "  " : "  " + texts.format("check.causedBy") + " ") + t);
            int frames = 0;
            for (StackTraceElement frame : t.getStackTrace()) {
                if (ex.fileName().equals(frame.getFileName()) && frames++ < MAX_FRAMES) {
                    lines.add("      at " + frame);
                }
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return lines;
    }

    private List<String> report(int k, Checker.Kind kind, List<String> lines) throws InterruptedException {
        send(new Result(trials, k - 1, kind, lines));
        return lines;
    }

    private void send(Result result) throws InterruptedException {
        results.put(result);
    }

    private record Uncaught(String thread, Throwable error) {
    }
}
