/**
 * Outcomes, verdicts and their rendering as text or JSON. Beneath the framework: it imports no
 * other package of demo.
 */
package concurrencydemo.report;
