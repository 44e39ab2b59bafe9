package concurrencydemo.framework;

import concurrencydemo.report.Message;

/**
 * A section of the seed article that a lesson ports.
 *
 * @param chinese the seed's own heading, shown as the seed has it in every language
 * @param english the same heading in English, for English readers
 * @param option  the option with which the lesson ports it ({@code --processes}), or null
 */
public record Section(String chinese, Message english, String option) {

    public Section(String chinese, Message english) {
        this(chinese, english, null);
    }

    /** This section as a lesson ports it with {@code option} ({@code --processes}). */
    public Section withOption(String option) {
        return new Section(chinese, english, option);
    }
}
