/** Typed configuration: the known keys, loading from file, --config and MAILROOM_* variables, validation. */
package org.mailroom.config;
