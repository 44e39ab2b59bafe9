package concurrencydemo.framework;

import concurrencydemo.report.Language;

/**
 * A command, or a group of options a command mixes in, whose words are in one language. The
 * command line tells each one the language it speaks: the environment's at first, then that of a
 * {@code --lang}, as soon as picocli reads it.
 */
public interface Speaking {
    /** From now on, speak {@code language}. */
    void speak(Language language);
}
