package org.mailroom.bounce;

/** Takes a bounce and applies it: recorded, and the subscriber's status changed by the rules. */
public interface BounceRecorder {
    /** What recording did to the subscriber, if anything. */
    Outcome record(Bounce bounce);

    /** The subscriber affected (null when the address is not on the list) and whether the status changed. */
    record Outcome(Long subscriberId, String newStatus) {
        public boolean statusChanged() {
            return newStatus != null;
        }
    }
}
