package io.laku.ops.cli;

/** A part of the stack the command needs does not answer: the message names it and where it was looked for. Exit 3. */
public class PartDownException extends RuntimeException {

    public PartDownException(String message) {
        super(message);
    }

    public PartDownException(String message, Throwable cause) {
        super(message, cause);
    }
}
