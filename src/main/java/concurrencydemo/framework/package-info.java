/**
 * What every lesson shares: options, variants, the stage a program runs on, the runner and its
 * watchdog, and the words that turn the runtime's typed exceptions into sentences for students.
 * It uses the runtime (multiprocessing, threading) and report; never the lessons or the cli.
 *
 * <p>Its rooms ({@code ArchitectureTest} pins them): {@link concurrencydemo.framework.Runner}, the
 * loop over lessons and variants; {@link concurrencydemo.framework.VariantExecutor}, one variant on
 * its own thread under the bound, which knows nothing of that loop nor of
 * {@link concurrencydemo.framework.Results}, the reports so far that a signal's hook also writes;
 * {@link concurrencydemo.framework.Diagnosis}, where a thread or process is, as facts that lessons
 * and exercises word, which knows nothing of stages or runs;
 * {@link concurrencydemo.framework.Stage}, where a program runs (its lines, threads and resources),
 * and {@link concurrencydemo.framework.LessonWatchdog}, a lesson's own watchdog for a program that
 * can block for good, which knows nothing of the stage but the notes it writes there;
 * {@link concurrencydemo.framework.Seed}, the seed's sections, which lessons port and exercises
 * practise.
 */
package concurrencydemo.framework;
