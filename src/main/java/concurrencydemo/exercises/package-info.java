/**
 * The exercises: programs with the seed's pitfalls for the student to fix, in teaching order
 * ({@link concurrencydemo.exercises.Exercises}), and how a fix is checked: compiled, then run many
 * times in a child JVM by {@link concurrencydemo.exercises.Harness}, each run with sizes of its
 * own. {@link concurrencydemo.exercises.Work} is the one class students use. Beside the lessons:
 * it uses the framework, the runtime (multiprocessing, threading) and report; never the cli or the
 * lessons.
 */
package concurrencydemo.exercises;
