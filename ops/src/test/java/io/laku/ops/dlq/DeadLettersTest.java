package io.laku.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which dead letters are still open, given the redrive markers. */
class DeadLettersTest {

    static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    static DeadLetter letter(String service, String eventId, long offset, Instant at, String reason) {
        return new DeadLetter(service, 0, offset, at, eventId, "SessionConfirmed", "trace", "key", reason, null,
                "io.laku.platform.eventing.PoisonEventException", "laku.session", 1, 40L + offset, new byte[0]);
    }

    static Redrives.Marker marker(DeadLetter letter, String outcome, String reason, Instant at) {
        return new Redrives.Marker(letter.markerKey(), outcome, reason, at, letter.offset());
    }

    @Test
    void aDeadLetterNeverRedrivenIsOpenWithItsReason() {
        DeadLetter dead = letter("payment", "e1", 0, T0, "unreadable");
        assertThat(DeadLetters.open(List.of(dead), Map.of())).containsExactly(new DeadLetters.Open(dead, Optional.empty()));
        assertThat(DeadLetters.open(List.of(dead), Map.of()).getFirst().state()).isEqualTo("dead");
    }

    @Test
    void anAppliedRedriveClosesIt() {
        DeadLetter dead = letter("payment", "e1", 0, T0, "unreadable");
        assertThat(DeadLetters.open(List.of(dead), Map.of(dead.markerKey(), marker(dead, "applied", null, T0.plusSeconds(5)))))
                .isEmpty();
        assertThat(DeadLetters.open(List.of(dead), Map.of(dead.markerKey(), marker(dead, "already_applied", null,
                T0.plusSeconds(5))))).isEmpty();
        List<DeadLetters.Open> all = DeadLetters.current(List.of(dead),
                Map.of(dead.markerKey(), marker(dead, "applied", null, T0.plusSeconds(5))));
        assertThat(all).singleElement().satisfies(o -> {
            assertThat(o.state()).isEqualTo("redriven: applied");
            assertThat(o.reason()).isEqualTo("unreadable");
        });
    }

    @Test
    void aFailedRedriveKeepsItOpenWithTheNewReason() {
        DeadLetter dead = letter("payment", "e1", 0, T0, "unreadable");
        List<DeadLetters.Open> open = DeadLetters.open(List.of(dead),
                Map.of(dead.markerKey(), marker(dead, "failed", "still unreadable", T0.plusSeconds(5))));
        assertThat(open).hasSize(1);
        assertThat(open.getFirst().reason()).isEqualTo("still unreadable");
        assertThat(open.getFirst().state()).isEqualTo("redrive failed");
    }

    @Test
    void deadAgainAfterARedriveIsOpenAgain() {
        DeadLetter first = letter("payment", "e1", 0, T0, "unreadable");
        DeadLetter again = letter("payment", "e1", 7, T0.plusSeconds(60), "contradicts the session");
        List<DeadLetters.Open> open = DeadLetters.open(List.of(first, again),
                Map.of(first.markerKey(), marker(first, "applied", null, T0.plusSeconds(5))));
        assertThat(open).extracting(o -> o.letter().offset()).containsExactly(7L);
        assertThat(open.getFirst().reason()).isEqualTo("contradicts the session");
    }

    @Test
    void eachServiceHasItsOwnDeadLetterOfAnEvent() {
        DeadLetter payment = letter("payment", "e1", 0, T0, "unreadable");
        DeadLetter warehouse = letter("warehouse", "e1", 0, T0.plusMillis(3), "unreadable");
        List<DeadLetters.Open> open = DeadLetters.open(List.of(payment, warehouse),
                Map.of(payment.markerKey(), marker(payment, "applied", null, T0.plusSeconds(5))));
        assertThat(open).extracting(o -> o.letter().service()).containsExactly("warehouse");
    }

    @Test
    void aRecordWithoutAnEventIdIsNamedByItsPlace() {
        DeadLetter anonymous = letter("order", null, 12, T0, "missing header 'id'");
        assertThat(anonymous.ref()).isEqualTo("@0:12");
        assertThat(anonymous.markerKey()).isEqualTo("order/@0:12");
        assertThat(anonymous.original()).isEqualTo("laku.session 1@52");
    }
}
