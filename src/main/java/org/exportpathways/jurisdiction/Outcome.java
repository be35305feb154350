package org.exportpathways.jurisdiction;

/**
 * Where the order of review places an item: on the USML, in a 600-series or 9x515 ECCN,
 * in another ECCN, EAR99; or undetermined (a question that decides is unanswered).
 */
public enum Outcome {

	USML, SERIES_600, CCL, EAR99, UNDETERMINED

}
