/**
 * The kernel every decision runs through: the rule engine (one KieBase, pooled sessions,
 * truth maintenance checked at start-up), the application's decision executor, findings,
 * and the one path checks, coverage, facts, fire, findings, result
 * ({@link org.exportpathways.kernel.Kernel}). Knows no regime.
 */
package org.exportpathways.kernel;
