/**
 * Export Pathways: a rules engine for U.S. defense export-control and foreign-sourcing
 * questions. The application and its configuration; the packages by role are
 * {@code domain}, {@code bundle}, {@code kernel}, the regimes ({@code notification},
 * {@code screening}, {@code qualification}) and {@code web}.
 */
package org.exportpathways;
