/**
 * Outcomes, verdicts and their rendering as text or JSON. Beneath the framework: it imports no
 * other package of demo. Within it, {@link concurrencydemo.report.Table} (the mechanics every table
 * shares) uses only {@link concurrencydemo.report.Width}, nothing of outcomes or verdicts
 * ({@code ArchitectureTest} pins it).
 */
package concurrencydemo.report;
