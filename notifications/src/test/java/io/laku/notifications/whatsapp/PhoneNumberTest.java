package io.laku.notifications.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @Test
    void anIndonesianMobileNumber() {
        PhoneNumber phone = PhoneNumber.parse("+6281234567890").orElseThrow();
        assertThat(phone.e164()).isEqualTo("+6281234567890");
        assertThat(phone.digits()).isEqualTo("6281234567890");
    }

    @Test
    void separatorsPeopleTypeAreDropped() {
        assertThat(PhoneNumber.parse(" +62 812-3456-7890 ")).contains(new PhoneNumber("+6281234567890"));
        assertThat(PhoneNumber.parse("+62 (812) 3456.7890")).contains(new PhoneNumber("+6281234567890"));
    }

    @Test
    void eightToFifteenDigits() {
        assertThat(PhoneNumber.parse("+12345678")).isPresent();
        assertThat(PhoneNumber.parse("+123456789012345")).isPresent();
        assertThat(PhoneNumber.parse("+1234567")).isEmpty();
        assertThat(PhoneNumber.parse("+1234567890123456")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"6281234567890", "081234567890", "+0812345678", "+62812abc7890", "++6281234567890",
            "+62 812 3456 7890 ext 1", "+", "   "})
    void notE164(String input) {
        assertThat(PhoneNumber.parse(input)).isEmpty();
    }

    @Test
    void theRecordRefusesAnInvalidNumber() {
        assertThatThrownBy(() -> new PhoneNumber("081234567890")).isInstanceOf(IllegalArgumentException.class);
    }
}
