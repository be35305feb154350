/**
 * Jurisdiction determination (pack jurisdiction): from answers about one item, the order
 * of review decides USML, a 600-series or 9x515 ECCN, another ECCN or EAR99, or names the
 * next question to ask.
 */
package org.exportpathways.jurisdiction;
