package io.laku.platform.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laku.contracts.session.ParticipantJoined;
import io.laku.contracts.session.SessionCreated;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

class EventHandlersTest {

    @Test
    void handlesExactlyTheTypesItWasGivenByTheirSchemaName() {
        EventHandlers handlers = new EventHandlers()
                .on(SessionCreated.class, created -> Uni.createFrom().voidItem())
                .on(ParticipantJoined.class, (event, joined) -> Uni.createFrom().voidItem());

        assertThat(handlers.handles("SessionCreated")).isTrue();
        assertThat(handlers.handles("ParticipantJoined")).isTrue();
        assertThat(handlers.handles("SessionConfirmed")).isFalse();
        assertThat(handlers.types()).containsExactlyInAnyOrder("SessionCreated", "ParticipantJoined");
    }

    @Test
    void oneTypeHasOneHandler() {
        EventHandlers handlers = new EventHandlers().on(SessionCreated.class, created -> Uni.createFrom().voidItem());
        assertThatThrownBy(() -> handlers.on(SessionCreated.class, created -> Uni.createFrom().voidItem()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two handlers");
    }

    @Test
    void aTypeHandledInRunsGetsItsPayloadsTogetherAndASingleEventAsARunOfOne() {
        java.util.List<java.util.List<SessionCreated>> runs = new java.util.ArrayList<>();
        EventHandlers handlers = new EventHandlers()
                .onRun(SessionCreated.class, created -> {
                    runs.add(created);
                    return Uni.createFrom().voidItem();
                })
                .on(ParticipantJoined.class, joined -> Uni.createFrom().voidItem());

        assertThat(handlers.inRuns("SessionCreated")).isTrue();
        assertThat(handlers.inRuns("ParticipantJoined")).isFalse();
        assertThat(handlers.inRuns("SessionConfirmed")).isFalse();

        SessionCreated first = new SessionCreated();
        SessionCreated second = new SessionCreated();
        handlers.applyRun(java.util.List.of(event(first), event(second))).await().indefinitely();
        handlers.apply(event(second)).await().indefinitely();

        assertThat(runs).hasSize(2);
        assertThat(runs.get(0)).hasSize(2);
        assertThat(runs.get(0).get(0)).isSameAs(first);
        assertThat(runs.get(0).get(1)).isSameAs(second);
        assertThat(runs.get(1)).singleElement().isSameAs(second);
    }

    private static InboundEvent event(SessionCreated created) {
        return new InboundEvent(java.util.UUID.randomUUID(), "SessionCreated", null, created, null);
    }
}
