/** Fault trials (kill -9, relay away, refusals, a full disk, restarts) run short in the suite and long in the soak. */
package org.mailroom.faults;
