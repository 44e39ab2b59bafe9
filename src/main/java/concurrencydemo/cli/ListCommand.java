package concurrencydemo.cli;

import concurrencydemo.framework.Lesson;
import concurrencydemo.framework.Section;
import concurrencydemo.lessons.Catalog;
import concurrencydemo.report.Style;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;

/** {@code demo list}: the lessons in teaching order, the seed sections each ports, what it shows. */
@Command(name = "list", description = "List the lessons in teaching order.")
public final class ListCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--no-color", description = "Plain text, no colour.")
    boolean noColor;

    @Option(names = "--names", hidden = true, description = "Only the lessons' names, one a line (for scripts).")
    boolean names;

    @Override
    public void run() {
        if (names) {
            for (Lesson lesson : Demo.lessons(spec.parent().commandLine())) {
                spec.commandLine().getOut().println(lesson.name());
            }
            spec.commandLine().getOut().flush();
            return;
        }
        print(spec.commandLine().getOut(), Style.detect(noColor), Demo.lessons(spec.parent().commandLine()));
    }

    /**
     * {@code demo list} and {@code demo list --no-color} need no command-line parser: answering them
     * without building picocli's model of every command takes the most-typed command from about
     * 97 ms to 65 ms here. Returns whether {@code args} was such a call, and if so has answered it.
     */
    public static boolean answerWithoutParser(String[] args, PrintWriter out) {
        boolean plain = args.length == 1 && args[0].equals("list");
        boolean noColor = args.length == 2 && args[0].equals("list") && args[1].equals("--no-color");
        if (!plain && !noColor) {
            return false;
        }
        print(out, Style.detect(noColor), Catalog.lessons());
        return true;
    }

    static void print(PrintWriter out, Style style, List<Lesson> lessons) {
        int width = 0;
        for (Lesson lesson : lessons) {
            width = Math.max(width, lesson.name().length());
        }
        out.println("Lessons, in teaching order. Run one with: ./demo <lesson>");
        for (Lesson lesson : lessons) {
            out.println();
            String pad = " ".repeat(width - lesson.name().length() + 2);
            String gap = " ".repeat(width + 4);
            List<Section> sections = lesson.sections();
            for (int i = 0; i < sections.size(); i++) {
                String head = i == 0 ? "  " + style.heading(lesson.name()) + pad : gap;
                out.println(head + sections.get(i));
            }
            out.println(gap + style.dim(lesson.whatYouSee()));
        }
        out.println();
        out.println("Run them all with: ./demo all");
        out.flush();
    }
}
