package io.laku.platform.money;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RupiahTest {

    @Test
    void groupsThousandsWithDots() {
        assertThat(Rupiah.format(0)).isEqualTo("Rp 0");
        assertThat(Rupiah.format(150_000)).isEqualTo("Rp 150.000");
        assertThat(Rupiah.format(6_750_000)).isEqualTo("Rp 6.750.000");
        assertThat(Rupiah.format(-2_250_000)).isEqualTo("-Rp 2.250.000");
    }
}
