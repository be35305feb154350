/**
 * Decision records: every answer kept, before it is acknowledged, in the embedded
 * database or PostgreSQL; the bundle activation audit; retention.
 */
package org.exportpathways.records;
