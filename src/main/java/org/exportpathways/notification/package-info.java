/**
 * AECA section 36 congressional notification (pack congressional-notification): the sale
 * and scenario as a request, the thresholds in force or simulated, the decision, and
 * batch simulations.
 */
package org.exportpathways.notification;
