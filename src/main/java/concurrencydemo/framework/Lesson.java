package concurrencydemo.framework;

import concurrencydemo.report.Language;
import concurrencydemo.report.Message;
import concurrencydemo.report.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A lesson: one subcommand that runs its variants, racy first, and grades each. Subclasses declare
 * only the lesson (its sections, what the student will see, its variants); running, timing,
 * watching, rendering and options are the framework's.
 */
public abstract class Lesson implements Callable<Integer>, LessonOptions.WindowLimit, Speaking {

    protected CommandSpec spec;

    @Mixin
    protected LessonOptions options;

    /** The seed sections this lesson ports, in the seed's order. */
    public abstract List<Section> sections();

    /** The seed sections {@code demo list} shows: those of every form of the lesson (its options'). */
    public List<Section> listedSections() {
        return sections();
    }

    /** The lesson's heading: its name, and the option that changes what it ports ({@code locks --processes}). */
    public String heading() {
        return name();
    }

    /** One line for {@code demo list}: what the student will see. */
    public abstract Message whatYouSee();

    /**
     * The message bundles of the lesson's texts (its help, variant names, explanations): its own,
     * beside its class ({@code concurrencydemo/lessons/ThreadsLesson.properties} and its
     * translations), first; then those of lessons whose programs it borrows. Every key but
     * picocli's starts with the name of the lesson whose bundle holds it.
     */
    public List<String> bundles() {
        return List.of(getClass().getName());
    }

    /** demo's shared texts in {@code language} behind this lesson's bundles. */
    public Texts texts(Language language) {
        return texts(language, List.of(this));
    }

    /**
     * demo's shared texts in {@code language} behind the bundles of {@code lessons}, each lesson's
     * own bundle looked up before those it borrows.
     */
    public static Texts texts(Language language, List<? extends Lesson> lessons) {
        Texts texts = Texts.of(language);
        for (Lesson lesson : lessons) {
            List<String> bundles = lesson.bundles();
            for (int i = bundles.size() - 1; i >= 0; i--) {
                texts = texts.with(bundles.get(i));
            }
        }
        return texts;
    }

    /** What the lesson says before its variants run (a part it skips, and why); none by default. */
    public List<Message> notices() {
        return List.of();
    }

    /** The variants in the order they run: racy first, then fixed. */
    public abstract List<Variant> variants();

    /** Set by picocli: this lesson's command. */
    @Spec
    void spec(CommandSpec spec) {
        this.spec = spec;
    }

    /**
     * Makes the lesson's help speak {@code language}: its bundle and demo's shared one become its
     * command's resource bundle, and a lesson with a shorter window limit says so in its footer.
     * (Its options are told the language apart, as every command's options are.)
     */
    @Override
    public void speak(Language language) {
        Texts texts = texts(language);
        spec.commandLine().setResourceBundle(texts);
        if (maxWindow().compareTo(LessonOptions.MAX_WINDOW) < 0) {
            spec.usageMessage().footer("", texts.format("lesson.windowFooter", LessonOptions.show(maxWindow()),
                    serialWindows()));
        }
    }

    /**
     * The longest {@code --window} this lesson supports: its fixed variant must finish in a time
     * a student will wait for. Lessons whose slowest variant waits many windows lower it.
     */
    @Override
    public Duration maxWindow() {
        return LessonOptions.MAX_WINDOW;
    }

    /**
     * How many read-modify-write windows the lesson's slowest variant waits one after another;
     * a longer {@code --window} lengthens the variants' default time bound by this many windows.
     */
    public int serialWindows() {
        return 0;
    }

    /** Whether the lesson has a read-modify-write window for {@code --window} to change. */
    public boolean hasWindow() {
        return true;
    }

    /** Whether the lesson records a trace with {@code --trace} (of its shared value's reads and writes). */
    public boolean traces() {
        return false;
    }

    /** The subcommand's name (from its {@code @Command}, when no command line was built). */
    public String name() {
        return spec != null ? spec.name() : getClass().getAnnotation(Command.class).name();
    }

    /** The first line of the subcommand's description. */
    public String title() {
        String[] description = spec.usageMessage().description();
        return description.length == 0 ? "" : description[0];
    }

    @Override
    public Integer call() {
        return Runner.runLessons(List.of(this), options, spec.commandLine().getOut(),
                spec.commandLine().getErr(), false);
    }
}
