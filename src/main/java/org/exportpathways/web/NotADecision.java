package org.exportpathways.web;

/**
 * Marks a controller whose answers are not decisions (reading or replaying records,
 * administering bundles): {@link DecisionRecording} does not record them, even where the
 * body names a {@code decisionId}. Every other controller's answer with a
 * {@code decisionId} is recorded.
 */
interface NotADecision {

}
