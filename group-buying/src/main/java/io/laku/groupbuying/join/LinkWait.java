package io.laku.groupbuying.join;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a join's answer waits for the seat's payment link (SPEC §5: the customer pays on the gateway's page): the
 * service's default, or the client's own {@code Prefer: wait=<seconds>} (RFC 7240; {@code wait=0}: answer at once),
 * never longer than the service's maximum. Past the wait the answer is 201 without the link, as before: the seat's
 * {@code participantUrl} shows it once the invoice exists.
 */
public record LinkWait(Duration duration) {

    private static final Pattern WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*(\\d{1,9})(?:$|[,;\\s])",
            Pattern.CASE_INSENSITIVE);

    public static LinkWait of(Duration byDefault, Duration max, String prefer) {
        Duration wait = byDefault;
        if (prefer != null) {
            Matcher m = WAIT.matcher(prefer);
            if (m.find()) {
                wait = Duration.ofSeconds(Long.parseLong(m.group(1)));
            }
        }
        return new LinkWait(wait.compareTo(max) > 0 ? max : wait.isNegative() ? Duration.ZERO : wait);
    }

    public boolean none() {
        return duration.isZero();
    }
}
