package org.exportpathways.domain;

/**
 * How a finding should be read: information, or a point that needs a person's attention.
 */
public enum Severity {

	INFO, WARNING

}
