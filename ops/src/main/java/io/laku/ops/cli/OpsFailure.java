package io.laku.ops.cli;

/** The command ran but could not do what was asked (nothing found, a service refused). Exit 1. */
public class OpsFailure extends RuntimeException {

    public OpsFailure(String message) {
        super(message);
    }
}
