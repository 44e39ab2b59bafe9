package concurrencydemo.lessons;

import concurrencydemo.framework.Stage;
import concurrencydemo.report.Outcome;

/** Lets tests in other packages run a lesson's variant directly. */
public final class LessonAccess {
    private LessonAccess() {
    }

    public static Outcome raceCondition(Stage stage, boolean locked) throws Exception {
        return RaceConditionLesson.run(stage, locked);
    }
}
