package io.laku.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseErrorsTest {

    private static final SQLException DUPLICATE_CODE = new SQLException(
            "ERROR: duplicate key value violates unique constraint \"group_buying_session_session_code_key\" (23505)",
            "23505");

    @Test
    void aUniqueViolationIsAConflictNamingTheFieldItsConstraintGuards() {
        ProblemException p = DatabaseErrors.problemFor(new RuntimeException(DUPLICATE_CODE),
                Map.of("group_buying_session_session_code_key", "sessionCode")::get).orElseThrow();
        assertThat(p.status()).isEqualTo(409);
        assertThat(p.getMessage()).isEqualTo("sessionCode is already used by another record");
        assertThat(p.toProblem(null).field()).isEqualTo("sessionCode");
    }

    @Test
    void anUnmappedConstraintIsStillAConflict() {
        ProblemException p = DatabaseErrors.problemFor(DUPLICATE_CODE, name -> null).orElseThrow();
        assertThat(p.status()).isEqualTo(409);
        assertThat(p.toProblem(null).field()).isNull();
        assertThat(DatabaseErrors.fields("Key (user_id, source, reference)=(a, b, c) already exists."))
                .isEqualTo("userId, source, reference");
    }

    @Test
    void aValuePostgresRefusesIsBadInputAndOtherErrorsAreNot() {
        assertThat(DatabaseErrors.problemFor(new SQLException("invalid byte sequence", "22021"), n -> null)
                .orElseThrow().status()).isEqualTo(400);
        assertThat(DatabaseErrors.problemFor("22003", null).status()).isEqualTo(400);
        assertThat(DatabaseErrors.problemFor("54000", null).status()).isEqualTo(400);
        assertThat(DatabaseErrors.problemFor("40001", null)).isNull();
        assertThat(DatabaseErrors.problemFor(new SQLException("connection closed", "08006"), n -> null)).isEmpty();
        assertThat(DatabaseErrors.problemFor(new IllegalStateException("no database here"), n -> null)).isEmpty();
    }
}
