package io.laku.platform.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which failures wait and retry, which are poison (the saga's rule: only what can never be applied is dead-lettered). */
class FailureKindTest {

    @Test
    void anEventThatCanNeverBeAppliedIsPoisonWhereverItIsWrapped() {
        assertThat(FailureKind.of(new PoisonEventException("payload is not Avro"))).isEqualTo(FailureKind.POISON);
        assertThat(FailureKind.of(new CompletionException(new PoisonEventException("unknown schema"))))
                .isEqualTo(FailureKind.POISON);
    }

    @Test
    void aDatabaseBrokerOrRegistryThatIsAwayIsTransient() {
        assertThat(FailureKind.of(new RuntimeException(new ConnectException("Connection refused"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(ClosedConnectionException.INSTANCE)).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new IllegalStateException("Pool closed"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new TimeoutException())).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new SchemaUnavailableException("registry unreachable", null)))
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void aShutdownOrAnInfrastructureCauseUnderADeterministicLookingFailureIsTransient() {
        assertThat(FailureKind.of(new IllegalArgumentException("wrapped", new ConnectException("refused"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(pg("57P01", "terminating connection due to administrator command")))
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void locksDeadlocksSerializationAndARaceOnAUniqueKeyAreTransient() {
        assertThat(FailureKind.of(pg("40001", "could not serialize access"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(pg("40P01", "deadlock detected"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(pg("55P03", "lock not available"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(pg("23505", "duplicate key value"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(pg("57014", "canceling statement due to statement timeout")))
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void badDataAndProgrammingErrorsRepeatForTheSameEvent() {
        assertThat(FailureKind.of(new IllegalArgumentException("Invalid UUID string: x"))).isEqualTo(FailureKind.DETERMINISTIC);
        assertThat(FailureKind.of(new ArithmeticException("long overflow"))).isEqualTo(FailureKind.DETERMINISTIC);
        assertThat(FailureKind.of(new RuntimeException(new NullPointerException()))).isEqualTo(FailureKind.DETERMINISTIC);
        assertThat(FailureKind.of(pg("23514", "violates check constraint"))).isEqualTo(FailureKind.DETERMINISTIC);
        assertThat(FailureKind.of(pg("22003", "numeric value out of range"))).isEqualTo(FailureKind.DETERMINISTIC);
    }

    @Test
    void aDatabaseRefusalAsHibernateReactiveReportsItIsClassifiedByItsSqlState() {
        // what a Panache flush that breaks a CHECK constraint fails with: Hibernate's exception over a SQLException
        java.sql.SQLException check = new java.sql.SQLException("ERROR: new row violates check constraint (23514)", "23514");
        assertThat(FailureKind.of(new org.hibernate.exception.ConstraintViolationException("error executing SQL statement",
                check, "insert into wallet_transaction ..."))).isEqualTo(FailureKind.DETERMINISTIC);
        assertThat(FailureKind.of(new java.util.concurrent.CompletionException(new java.sql.SQLException("deadlock", "40P01"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new java.sql.SQLException("duplicate key value", "23505"))).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void anythingUnknownWaitsRatherThanBeingLost() {
        assertThat(FailureKind.of(new IllegalStateException("no tally row"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new RuntimeException("something new"))).isEqualTo(FailureKind.TRANSIENT);
    }

    private static PgException pg(String sqlState, String message) {
        return new PgException(message, "ERROR", sqlState, null);
    }
}
