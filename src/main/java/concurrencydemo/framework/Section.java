package concurrencydemo.framework;

import concurrencydemo.report.Message;

/**
 * A section of the seed article that a lesson ports.
 *
 * @param chinese the seed's own heading, shown as the seed has it in every language
 * @param english the same heading in English, for English readers
 */
public record Section(String chinese, Message english) {
}
