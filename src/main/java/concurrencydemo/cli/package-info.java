/**
 * The command line: the root command, {@code list}, {@code all}, help and completion. The top
 * layer: it may use every other package; no other package may use it.
 */
package concurrencydemo.cli;
