package io.laku.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;

import io.laku.platform.startup.ProductionRules.Environment;
import io.laku.platform.startup.ProductionRules.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductionRulesTest {

    @Test
    void aPlainJarStartIsProductionAndOnlyAnExplicitlyLocalRunIsNot() {
        assertThat(ProductionRules.environment(null, List.of("prod"))).isEqualTo(Environment.PRODUCTION);
        assertThat(ProductionRules.environment("", List.of("prod"))).isEqualTo(Environment.PRODUCTION);
        assertThat(ProductionRules.environment(null, List.of("local"))).isEqualTo(Environment.DEVELOPMENT);
        assertThat(ProductionRules.environment(null, List.of("test"))).isEqualTo(Environment.DEVELOPMENT);
        assertThat(ProductionRules.environment(null, List.of("dev"))).isEqualTo(Environment.DEVELOPMENT);
    }

    @Test
    void lakuEnvDecidesWhenSetAndAnythingButDevelopmentIsProduction() {
        assertThat(ProductionRules.environment("production", List.of("local"))).isEqualTo(Environment.PRODUCTION);
        assertThat(ProductionRules.environment("development", List.of("prod"))).isEqualTo(Environment.DEVELOPMENT);
        assertThat(ProductionRules.environment("Development", List.of("prod"))).isEqualTo(Environment.DEVELOPMENT);
        assertThat(ProductionRules.environment("staging", List.of("local"))).isEqualTo(Environment.PRODUCTION);
        assertThat(ProductionRules.environment("developmnet", List.of("prod"))).isEqualTo(Environment.PRODUCTION);
    }

    @Test
    void refusesAMissingSettingAndADevelopmentValueNamingTheVariable() {
        List<String> refusals = ProductionRules.refusals(List.of(
                new Setting("XENDIT_CALLBACK_TOKEN", "laku-local-callback-token", "laku-local-callback-token"),
                new Setting("XENDIT_API_KEY", "xnd_production_4f1c", "xnd_development_laku_local"),
                new Setting("LAKU_DB_APP_PASSWORD", null, "laku-local-app"),
                new Setting("LAKU_JWT_AUDIENCE", " ", "laku-local")));

        assertThat(refusals).containsExactly(
                "XENDIT_CALLBACK_TOKEN has its development value (published in the repository)",
                "LAKU_DB_APP_PASSWORD is not set",
                "LAKU_JWT_AUDIENCE is not set");
    }

    @Test
    void nothingToRefuseWhenEverySettingIsOwn() {
        assertThat(ProductionRules.refusals(List.of(
                new Setting("XENDIT_CALLBACK_TOKEN", "8d2f6c0e", "laku-local-callback-token"),
                new Setting("LAKU_JWT_ISSUER", "https://id.laku.example", "https://laku.local")))).isEmpty();
    }
}
