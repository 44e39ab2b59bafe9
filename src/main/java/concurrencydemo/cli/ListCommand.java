package concurrencydemo.cli;

import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.Section;
import concurrencydemo.framework.Speaking;
import concurrencydemo.lessons.Catalog;
import concurrencydemo.report.Language;
import concurrencydemo.report.Style;
import concurrencydemo.report.Table;
import concurrencydemo.report.Texts;
import concurrencydemo.report.Width;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;

/** {@code demo list}: the lessons in teaching order, the seed sections each ports, what it shows. */
@Command(name = "list")
public final class ListCommand implements Runnable, Speaking {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, descriptionKey = "option.help")
    boolean help;

    @Option(names = "--no-color", descriptionKey = "option.noColor")
    boolean noColor;

    @Option(names = "--names", hidden = true)
    boolean names;

    private Language language = Language.ENGLISH;

    /** Told by the command line: the language to list in. */
    @Override
    public void speak(Language language) {
        this.language = language;
    }

    @Override
    public void run() {
        if (names) {
            for (Lesson lesson : Demo.lessons(spec.parent().commandLine())) {
                spec.commandLine().getOut().println(lesson.name());
            }
            spec.commandLine().getOut().flush();
            return;
        }
        print(spec.commandLine().getOut(), Style.detect(noColor), Demo.lessons(spec.parent().commandLine()), language);
    }

    /**
     * {@code demo list} and {@code demo list --no-color} need no command-line parser: answering them
     * without building picocli's model of every command spares the most-typed command the reflection over every
     * lesson's options. Returns whether {@code args} was such a call, and if so has answered it.
     */
    public static boolean answerWithoutParser(String[] args, PrintWriter out) {
        boolean plain = args.length == 1 && args[0].equals("list");
        boolean noColor = args.length == 2 && args[0].equals("list") && args[1].equals("--no-color");
        if (!plain && !noColor) {
            return false;
        }
        print(out, Style.detect(noColor), Catalog.lessons(), Language.fromEnvironment(System.getenv()));
        return true;
    }

    static void print(PrintWriter out, Style style, List<Lesson> lessons, Language language) {
        Texts texts = Lesson.texts(language, lessons);
        // the lesson's name; beside it the seed's sections it ports, one a line, then what it shows
        Table table = Table.indented("  ").left("  ").left("");
        for (Lesson lesson : lessons) {
            table.fit(List.of(lesson.name()));
        }
        int textWidth = 78 - 2 - table.width(0) - 2;
        out.println(texts.format("list.heading"));
        for (Lesson lesson : lessons) {
            out.println();
            List<Section> sections = lesson.listedSections();
            for (int i = 0; i < sections.size(); i++) {
                Section section = sections.get(i);
                // the seed's heading as the seed has it; in English, its meaning beside it
                String option = section.option() == null ? "" : "  (" + section.option() + ")";
                String text = (language == Language.SIMPLIFIED_CHINESE ? section.chinese()
                        : section.chinese() + " · " + texts.format(section.english())) + option;
                List<String> lines = Width.wrap(text, textWidth); // within 80 columns, for a projector
                for (int j = 0; j < lines.size(); j++) {
                    out.println(table.row(List.of(i == 0 && j == 0 ? style.heading(lesson.name()) : "", lines.get(j))));
                }
            }
            for (String line : Width.wrap(texts.format(lesson.whatYouSee()), textWidth)) {
                out.println(table.row(List.of("", style.dim(line))));
            }
        }
        out.println();
        out.println(texts.format("list.all"));
        out.flush();
    }
}
