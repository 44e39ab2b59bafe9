package concurrencydemo.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders lesson reports as one JSON document. Loaded only when {@code --format json} is asked
 * for, so text runs never pay for the JSON library.
 */
public final class JsonReport {
    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .serializeNulls()
            .create();

    private JsonReport() {
    }

    /**
     * One lesson's document; a lesson a signal cut short ({@link LessonReport#interrupted()}) holds
     * the variants that finished and says {@code "interrupted": true}.
     */
    public static String lesson(LessonReport report, Texts texts) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("lang", texts.language().tag());
        doc.putAll(tree(report, texts));
        return GSON.toJson(doc);
    }

    /**
     * The document of several lessons.
     *
     * @param interrupted whether a signal stopped the run: the document then says
     *                    {@code "interrupted": true} and has not passed
     */
    public static String all(List<LessonReport> reports, boolean interrupted, Texts texts) {
        List<Object> lessons = new ArrayList<>();
        boolean passed = true;
        for (LessonReport r : reports) {
            lessons.add(tree(r, texts));
            passed &= r.passed();
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("lang", texts.language().tag());
        doc.put("lessons", lessons);
        doc.put("passed", passed && !interrupted);
        if (interrupted) {
            doc.put("interrupted", true);
        }
        return GSON.toJson(doc);
    }

    static Map<String, Object> tree(LessonReport report, Texts texts) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("lesson", report.lesson());
        doc.put("title", report.title());
        doc.put("sections", report.sections());
        if (!report.notices().isEmpty()) {
            doc.put("notices", report.notices());
        }
        List<Object> variants = new ArrayList<>();
        for (VariantResult r : report.variants()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", r.name());
            v.put("section", r.section());
            v.put("role", r.role().word());
            v.put("verdict", r.verdict().word());
            v.put("asExpected", r.asExpected());
            v.put("expected", r.outcome().expected());
            v.put("observed", r.outcome().observed());
            v.put("correct", r.outcome().correct());
            v.put("explanation", texts.format(r.outcome().explanation()));
            v.putAll(r.outcome().jsonFacts());
            v.put("elapsedMillis", r.elapsed().toMillis());
            v.put("output", r.transcript());
            if (r.trials() != null) {
                v.put("trials", r.trials().tree());
            }
            variants.add(v);
        }
        doc.put("variants", variants);
        doc.put("passed", report.passed());
        if (report.error() != null) {
            doc.put("error", report.error());
        }
        if (report.interrupted()) {
            doc.put("interrupted", true);
        }
        return doc;
    }
}
