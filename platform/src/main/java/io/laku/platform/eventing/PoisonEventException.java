package io.laku.platform.eventing;

/**
 * An event that can never be applied (unreadable, missing its id, or contradicting the state it
 * refers to). It goes straight to the dead-letter topic with this message as the reason; retrying
 * would not help.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
