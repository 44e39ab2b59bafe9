package concurrencydemo.framework;

import concurrencydemo.report.JsonReport;
import concurrencydemo.report.LessonReport;
import concurrencydemo.report.Texts;
import concurrencydemo.report.VariantResult;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The reports so far, shared by the thread that runs the lessons and, on a signal, the
 * shutdown hook that writes them. The JSON document is written once, by whichever comes first.
 */
final class Results {
    private final List<Lesson> lessons;
    private final boolean asCollection;
    private final Texts texts;
    /** Guarded by this. */
    private final List<LessonReport> done = new ArrayList<>();
    /** Guarded by this: the lesson running now, and its finished variants. */
    private LessonReport current;
    /** Guarded by this. */
    private boolean written;

    Results(List<Lesson> lessons, boolean asCollection, Texts texts) {
        this.lessons = lessons;
        this.asCollection = asCollection;
        this.texts = texts;
    }

    synchronized void begin(LessonReport report) {
        current = report;
    }

    synchronized void variantDone(VariantResult result) {
        List<VariantResult> variants = new ArrayList<>(current.variants());
        variants.add(result);
        current = current.withVariants(variants);
    }

    /** The lesson running now could not run at all, for {@code why}: it and the run have failed. */
    synchronized void lessonFailed(String why) {
        current = current.failedBy(why);
        lessonDone();
    }

    synchronized LessonReport lessonDone() {
        LessonReport report = current;
        done.add(report);
        current = null;
        return report;
    }

    synchronized List<LessonReport> reports() {
        return List.copyOf(done);
    }

    synchronized int lessonsDone() {
        return done.size();
    }

    synchronized boolean passed() {
        return done.stream().allMatch(LessonReport::passed);
    }

    /** Writes the JSON document, unless it was written already. */
    void writeOnce(PrintWriter out, boolean interrupted) {
        String doc;
        synchronized (this) {
            if (written) {
                return;
            }
            written = true;
            List<LessonReport> reports = new ArrayList<>(done);
            if (interrupted && current != null) {
                reports.add(current.cutShort());
            }
            doc = asCollection || lessons.size() != 1
                    ? JsonReport.all(reports, interrupted, texts)
                    : JsonReport.lesson(reports.isEmpty() // stopped before the lesson began
                            ? new LessonReport(lessons.get(0).name(), "", List.of(), List.of(), interrupted)
                            : reports.get(0), texts);
        }
        out.println(doc);
        out.flush();
    }
}
