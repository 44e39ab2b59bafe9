/**
 * What every lesson shares: options, variants, the stage a program runs on, the runner and its
 * watchdog, and the words that turn the runtime's typed exceptions into sentences for students.
 * It uses the runtime (multiprocessing, threading) and report; never the lessons or the cli.
 */
package concurrencydemo.framework;
