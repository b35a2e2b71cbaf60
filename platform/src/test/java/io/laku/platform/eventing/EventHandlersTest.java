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
}
