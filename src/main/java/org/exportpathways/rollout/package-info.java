/**
 * Rule-bundle snapshots and their atomic swap: the active bundle, candidates and
 * activations.
 */
package org.exportpathways.rollout;
