package io.laku.platform.eventing;

import io.vertx.sqlclient.DatabaseException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.DateTimeException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Why applying an event failed, which decides what the consumer does next. The saga's rule: an event is either
 * applied or still waiting to be applied; only an event that can never be applied as it is goes to the dead-letter
 * topic.
 */
public enum FailureKind {

    /** The event can never be applied as it is (unreadable, unknown schema, breaks an invariant): dead-lettered. */
    POISON,

    /**
     * A failure that repeats for the same input (bad data in a field, a check constraint, a programming error). It is
     * retried a few times, so a one-off is not mistaken for poison, then dead-lettered with its reason.
     */
    DETERMINISTIC,

    /**
     * A part that is briefly away or busy (database, broker, registry, lock, shutdown) or anything not known to be
     * deterministic: retried without limit, the partition waits.
     */
    TRANSIENT;

    public static FailureKind of(Throwable failure) {
        boolean deterministic = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PoisonEventException) {
                return POISON;
            }
            if (isInfrastructure(cause)) {
                return TRANSIENT;
            }
            if (cause instanceof DatabaseException db) {
                return isDeterministicSqlState(db.getSqlState()) ? DETERMINISTIC : TRANSIENT;
            }
            // Hibernate Reactive hands the database's refusal over as a java.sql.SQLException (under its
            // ConstraintViolationException), not as the Vert.x client's DatabaseException
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return isDeterministicSqlState(sql.getSQLState()) ? DETERMINISTIC : TRANSIENT;
            }
            if (cause instanceof IllegalArgumentException || cause instanceof ArithmeticException
                    || cause instanceof ClassCastException || cause instanceof NullPointerException
                    || cause instanceof IndexOutOfBoundsException || cause instanceof DateTimeException
                    || cause instanceof UnsupportedOperationException) {
                deterministic = true;
            }
        }
        return deterministic ? DETERMINISTIC : TRANSIENT;
    }

    /** Connections, timeouts and closed pools: never the event's fault. */
    private static boolean isInfrastructure(Throwable cause) {
        if (cause instanceof ConnectException || cause instanceof SocketException || cause instanceof SocketTimeoutException
                || cause instanceof UnknownHostException || cause instanceof HttpTimeoutException
                || cause instanceof ClosedChannelException || cause instanceof TimeoutException
                || cause instanceof SchemaUnavailableException || cause instanceof io.vertx.sqlclient.ClosedConnectionException) {
            return true;
        }
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("pool closed") || message.contains("connection closed")
                || message.contains("connection was closed") || message.contains("connection refused")
                || message.contains("connection reset") || message.contains("timed out");
    }

    /**
     * SQLSTATE classes that say the statement itself is wrong for this data: 22 (data exception: a value out of
     * range, a bad date) and 23514 (a check constraint, e.g. a refund above what the seat paid). Everything else a
     * database says (connection 08, rollback 40 for serialization and deadlocks, 53 resources, 55P03 lock not
     * available, 57 shutdown and cancel, 23505 a unique key another instance just took) is worth retrying.
     */
    private static boolean isDeterministicSqlState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("22") || sqlState.equals("23514"));
    }
}
