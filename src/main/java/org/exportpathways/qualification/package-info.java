/**
 * Foreign source qualification (packs procurement and dpa): RDP qualifying countries, Buy
 * American, Berry, specialty metals and DPA domestic source.
 */
package org.exportpathways.qualification;
