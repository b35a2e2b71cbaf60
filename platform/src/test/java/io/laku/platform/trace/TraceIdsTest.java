package io.laku.platform.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceIdsTest {

    @Test
    void takesTheTraceIdOfAW3cTraceparent() {
        assertThat(TraceIds.fromTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void ignoresAMalformedTraceparent() {
        assertThat(TraceIds.fromTraceparent("00-not-a-trace")).isNull();
        assertThat(TraceIds.fromTraceparent("00-XYZ92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isNull();
        assertThat(TraceIds.fromTraceparent(null)).isNull();
    }

    @Test
    void newTraceIdsAre32HexCharactersAndDiffer() {
        assertThat(TraceIds.newTraceId()).matches("[0-9a-f]{32}").isNotEqualTo(TraceIds.newTraceId());
    }
}
