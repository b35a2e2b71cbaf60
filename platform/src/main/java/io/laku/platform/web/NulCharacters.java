package io.laku.platform.web;

/**
 * Finds a NUL character in request bytes, raw or written as JSON's escape for it (backslash, u, 0000), but not an
 * escaped backslash followed by the text u0000. No text column accepts NUL (Postgres refuses it), and an event that
 * carried one would poison its consumers, so the platform refuses it at the door. Feed it every byte in order.
 */
public final class NulCharacters {

    /** -1: not in an escape; 0: just after a backslash; 1 to 4: after backslash-u and that many zeros less one */
    private int escape = -1;

    /** @return true when this byte completes a NUL character */
    public boolean accept(int b) {
        if (escape == -1) {
            if (b == '\\') {
                escape = 0;
            }
            return b == 0;
        }
        if (escape == 0) {
            escape = b == 'u' ? 1 : -1;
            return false;
        }
        if (b == '0') {
            if (++escape == 5) {
                escape = -1;
                return true;
            }
            return false;
        }
        escape = -1;
        return accept(b);
    }

    public static boolean in(byte[] bytes) {
        NulCharacters scan = new NulCharacters();
        for (byte b : bytes) {
            if (scan.accept(b & 0xff)) {
                return true;
            }
        }
        return false;
    }
}
