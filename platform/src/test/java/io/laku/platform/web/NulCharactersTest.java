package io.laku.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NulCharactersTest {

    /** One backslash (written so that javac sees no unicode escape in this file). */
    private static final String BS = "\\";

    @Test
    void findsTheJsonEscapeAndTheRawByte() {
        assertThat(in("{\"reason\":\"a" + BS + "u0000b\"}")).isTrue();
        assertThat(in("{\"" + BS + "u0000\":1}")).isTrue();
        assertThat(NulCharacters.in(new byte[] {'a', 0, 'b'})).isTrue();
    }

    @Test
    void leavesOtherEscapesAndAnEscapedBackslashAlone() {
        assertThat(in("{\"reason\":\"" + BS + BS + "u0000\"}")).isFalse(); // the text backslash-u0000, not a NUL
        assertThat(in("{\"reason\":\"" + BS + BS + BS + "u0000\"}")).isTrue(); // a backslash, then a NUL
        assertThat(in("{\"reason\":\"" + BS + "u0001 " + BS + "u00e9 " + BS + "n " + BS + "u000\"}")).isFalse();
        assertThat(in("{\"reason\":\"Rp 100.000\"}")).isFalse();
    }

    private static boolean in(String json) {
        return NulCharacters.in(json.getBytes(StandardCharsets.UTF_8));
    }
}
