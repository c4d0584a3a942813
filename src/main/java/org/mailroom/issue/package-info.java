/** A Markdown issue with a Pelican header becomes an email: inlined HTML, plain text, lint warnings. */
package org.mailroom.issue;
