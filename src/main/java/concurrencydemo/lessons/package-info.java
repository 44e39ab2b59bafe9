/**
 * One class per lesson, each a subcommand, and {@link concurrencydemo.lessons.Catalog}, their
 * teaching order. A lesson holds only the lesson: its programs, its variants and what they show.
 * It uses the framework, the runtime (multiprocessing, threading) and report; never the cli.
 */
package concurrencydemo.lessons;
