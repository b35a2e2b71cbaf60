package io.laku.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestParamsTest {

    @Test
    void readsCanonicalUuidsOnly() {
        UUID id = UUID.fromString("3fb4b4b5-5454-429c-8e42-63c4f28d84e1");
        assertThat(RequestParams.uuid("3fb4b4b5-5454-429c-8e42-63c4f28d84e1", "id")).isEqualTo(id);
        assertThat(RequestParams.optionalUuid(" ", "sessionId")).isNull();
        assertThatThrownBy(() -> RequestParams.uuid("1-1-1-1-1", "id")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("id must be a UUID");
        assertThatThrownBy(() -> RequestParams.uuid(null, "id")).isInstanceOf(ProblemException.class);
    }

    @Test
    void readsPagesWithDefaultsAndTheSharedLimits() {
        assertThat(RequestParams.page(null, null)).isEqualTo(new RequestParams.PageRequest(0, 20));
        assertThat(RequestParams.page("2", "50")).isEqualTo(new RequestParams.PageRequest(2, 50));
        assertThatThrownBy(() -> RequestParams.page("x", "10")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("page must be a whole number");
        assertThatThrownBy(() -> RequestParams.page("-1", "10")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> RequestParams.page("0", "100000")).isInstanceOf(ProblemException.class);
    }
}
