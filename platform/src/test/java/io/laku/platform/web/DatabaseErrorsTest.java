package io.laku.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseErrorsTest {

    @Test
    void aUniqueViolationIsAConflictNamingTheFields() {
        ProblemException p = DatabaseErrors.problemFor("23505", "Key (session_code)=(FLASH-1) already exists.");
        assertThat(p.status()).isEqualTo(409);
        assertThat(p.getMessage()).isEqualTo("sessionCode is already used by another record");
        assertThat(DatabaseErrors.fields("Key (user_id, source, reference)=(a, b, c) already exists."))
                .isEqualTo("userId, source, reference");
    }

    @Test
    void aValuePostgresRefusesIsBadInputAndOtherErrorsAreNot() {
        assertThat(DatabaseErrors.problemFor("22021", null).status()).isEqualTo(400);
        assertThat(DatabaseErrors.problemFor("22003", null).status()).isEqualTo(400);
        assertThat(DatabaseErrors.problemFor("54000", null).status()).isEqualTo(400);
        assertThat(DatabaseErrors.problemFor("40001", null)).isNull();
        assertThat(DatabaseErrors.problemFor("08006", null)).isNull();
    }
}
