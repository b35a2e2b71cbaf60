package io.laku.ops.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RangeScanTest {

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsAnIdAnywhereInAPayload() {
        byte[] id = bytes("c1e24706-aaca-4c50-b82d-3383e34f283d");
        assertThat(RangeScan.contains(bytes("\u0000\u0000\u0000\u0000\u0007Hc1e24706-aaca-4c50-b82d-3383e34f283d"), id)).isTrue();
        assertThat(RangeScan.contains(bytes("c1e24706-aaca-4c50-b82d-3383e34f283d"), id)).isTrue();
        assertThat(RangeScan.contains(bytes("xxc1e24706-aaca-4c50-b82d-3383e34f283dyy"), id)).isTrue();
    }

    @Test
    void aNearMissIsNoMatch() {
        byte[] id = bytes("c1e24706-aaca-4c50-b82d-3383e34f283d");
        assertThat(RangeScan.contains(bytes("c1e24706-aaca-4c50-b82d-3383e34f283"), id)).isFalse();
        assertThat(RangeScan.contains(bytes("c1e24706-aaca-4c50-b82d-3383e34f283e"), id)).isFalse();
        assertThat(RangeScan.contains(null, id)).isFalse();
        assertThat(RangeScan.contains(new byte[0], id)).isFalse();
    }
}
