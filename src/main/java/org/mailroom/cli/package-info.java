/** One class per command of the command line; each loads the configuration and calls into a feature package. */
package org.mailroom.cli;
