/**
 * Types shared by every regime: findings and their severity, input errors, dated values.
 * Plain Java records with no framework, engine or generated-DTO imports.
 */
package org.exportpathways.domain;
