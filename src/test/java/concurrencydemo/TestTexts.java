package concurrencydemo;

import concurrencydemo.exercises.Exercises;
import concurrencydemo.framework.Lesson;
import concurrencydemo.lessons.Catalog;
import concurrencydemo.report.Language;
import concurrencydemo.report.Texts;

/** demo's texts with every lesson's bundle and the exercises', for tests that run a lesson's program on a stage of their own. */
public final class TestTexts {
    private TestTexts() {
    }

    public static Texts of(Language language) {
        return Lesson.texts(language, Catalog.lessons()).with(Exercises.BUNDLE);
    }
}
