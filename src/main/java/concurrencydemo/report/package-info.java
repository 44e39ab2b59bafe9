/**
 * Outcomes, verdicts and their rendering as text or JSON. Beneath the framework: it imports no
 * other package of demo. Within it, {@link concurrencydemo.report.Table} (the mechanics every table
 * shares) uses only {@link concurrencydemo.report.Width}, nothing of outcomes or verdicts
 * ({@code ArchitectureTest} pins it); {@link concurrencydemo.report.Renderer}, what a run is shown
 * through, names only the facts it shows (reports, results, roles), nothing of text or colour.
 */
package concurrencydemo.report;
