package concurrencydemo.exercises;

import concurrencydemo.framework.Diagnosis.Activity;
import concurrencydemo.report.Language;
import concurrencydemo.report.Texts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a stuck run is worded, from the facts about its threads (no thread is run): a thread found
 * running the student's own code, not waiting, gets the note that it may be spinning on a field it
 * never sees written, a visibility bug; a thread that waits, or runs inside the JDK, does not.
 */
@Timeout(30)
class HarnessTest {
    private static final String FILE = "JoinThreads.java";
    private static final StackTraceElement SPIN = new StackTraceElement("JoinThreads", "run", FILE, 34);
    private static final StackTraceElement CALLER = new StackTraceElement("jdk.internal.reflect.NativeMethodAccessorImpl",
            "invoke0", "NativeMethodAccessorImpl.java", -2);

    @Test
    @DisplayName("a thread running, its innermost frame in the student's file, is running the student's own code")
    void runningInTheStudentsFrameIsOwnCode() {
        assertThat(Harness.runningOwnCode(Activity.RUNNING, new StackTraceElement[] {SPIN, CALLER}, FILE)).isTrue();
    }

    @Test
    @DisplayName("a thread that waits (join, a lock, anything) is not, even where the student's frame is below")
    void aWaitingThreadIsNotRunningOwnCode() {
        StackTraceElement join = new StackTraceElement("java.lang.Thread", "join", "Thread.java", 1305);
        for (Activity waiting : List.of(Activity.WAITING_FOR_THREAD, Activity.WAITING_FOR_HELD_LOCK,
                Activity.WAITING_FOR_LOCK, Activity.WAITING, Activity.BLOCKED, Activity.WAITING_FOR_CHILD)) {
            assertThat(Harness.runningOwnCode(waiting, new StackTraceElement[] {join, SPIN, CALLER}, FILE))
                    .as("%s", waiting).isFalse();
        }
    }

    @Test
    @DisplayName("a thread running inside the JDK (a native read, Thread.yield) is not running the student's own code")
    void runningInTheJdkIsNotOwnCode() {
        StackTraceElement yield = new StackTraceElement("java.lang.Thread", "yield", "Thread.java", -2);
        assertThat(Harness.runningOwnCode(Activity.RUNNING, new StackTraceElement[] {yield, SPIN, CALLER}, FILE)).isFalse();
        assertThat(Harness.runningOwnCode(Activity.RUNNING, new StackTraceElement[0], FILE)).isFalse();
        assertThat(Harness.runningOwnCode(Activity.FINISHED, new StackTraceElement[0], FILE)).isFalse();
    }

    @Test
    @DisplayName("the note for threads running their own code names them and says visibility, and what fixes it, in both languages")
    void theNoteSaysVisibility() {
        assertThat(Harness.runningNote(List.of())).isNull();
        String en = Texts.of(Language.ENGLISH).with(Exercises.BUNDLE).format(Harness.runningNote(List.of("main")));
        assertThat(en).contains("main").contains("not waiting").contains("may never see the write")
                .contains("visibility bug").contains("JIT").contains("volatile").contains("join()");
        String zh = Texts.of(Language.SIMPLIFIED_CHINESE).with(Exercises.BUNDLE)
                .format(Harness.runningNote(List.of("main", "Thread-1")));
        assertThat(zh).contains("main, Thread-1").contains("可见性").contains("volatile").contains("join()");
    }
}
