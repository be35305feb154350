/**
 * Export pathway screening (packs itar and ear): the transfer and its items as a request,
 * the destination and the CCL as facts, each item's outcome rolled up; and the country
 * profile, a reader over the same tables.
 */
package org.exportpathways.screening;
