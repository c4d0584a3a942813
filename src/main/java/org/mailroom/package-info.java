/** Mailroom: self-hosted newsletter delivery. {@code Main} is the command line, {@code App} wires the parts. */
package org.mailroom;
