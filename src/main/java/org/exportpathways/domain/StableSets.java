package org.exportpathways.domain;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Immutable sets of codes in a stable (sorted) order, so explanations read the same every
 * time.
 */
public final class StableSets {

	private StableSets() {
	}

	public static Set<String> sorted(Set<String> values) {
		return Collections.unmodifiableSortedSet(new TreeSet<>(values));
	}

}
