/**
 * The policy bundle: reads rules/ (from the jar or an external folder), its packs
 * (pack.yaml), dated parameters and dated, cited reference tables, and the bundle's
 * version. Knows no rule engine and no regime.
 */
package org.exportpathways.bundle;
