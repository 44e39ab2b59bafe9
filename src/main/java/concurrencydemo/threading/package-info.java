/**
 * Java twins of Python's {@code threading} and {@code queue} where the JDK has none: a joinable
 * queue. Like multiprocessing, it imports no other package of demo.
 */
package concurrencydemo.threading;
