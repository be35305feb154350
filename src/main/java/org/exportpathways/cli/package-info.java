/**
 * The command line in the same jar ({@code java -jar ... simulate}): batch simulation
 * without the web server, on the same rule bundle, formats and checks as the API.
 */
package org.exportpathways.cli;
