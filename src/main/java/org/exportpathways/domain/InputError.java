package org.exportpathways.domain;

/**
 * One problem with the input: the field (JSON path, or CSV row and column) and what is
 * wrong with it.
 */
public record InputError(String field, String message) {
}
