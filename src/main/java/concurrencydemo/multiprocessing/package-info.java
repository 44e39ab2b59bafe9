/**
 * Java twins of Python's {@code multiprocessing}: child JVMs, shared memory, a cross-process lock,
 * queue and pool. The runtime knows nothing of lessons or students: it imports no other package of
 * demo, prints no advice, and reports what went wrong with typed exceptions carrying facts.
 */
package concurrencydemo.multiprocessing;
