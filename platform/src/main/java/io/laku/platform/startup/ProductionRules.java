package io.laku.platform.startup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a production start refuses, as plain rules: a secret or a required setting that is missing or still has
 * the development value the repository ships for local runs. The service names each offending environment
 * variable and does not start.
 */
public final class ProductionRules {

    public enum Environment { PRODUCTION, DEVELOPMENT }

    /** The Quarkus profiles only local runs and tests use ({@code ./laku} runs {@code local}). */
    static final Set<String> LOCAL_PROFILES = Set.of("local", "dev", "test");

    private ProductionRules() {
    }

    /**
     * {@code LAKU_ENV=production} or {@code development} decides. Without it a start is production unless Quarkus
     * runs a local profile: a plain {@code java -jar quarkus-run.jar} runs the {@code prod} profile, so a start that
     * nobody marked as local gets production's rules. Any other {@code LAKU_ENV} value is production as well.
     */
    public static Environment environment(String lakuEnv, List<String> activeProfiles) {
        if (lakuEnv != null && !lakuEnv.isBlank()) {
            return lakuEnv.trim().toLowerCase(Locale.ROOT).equals("development") ? Environment.DEVELOPMENT
                    : Environment.PRODUCTION;
        }
        return activeProfiles.stream().anyMatch(LOCAL_PROFILES::contains) ? Environment.DEVELOPMENT
                : Environment.PRODUCTION;
    }

    /**
     * A setting production must give itself.
     *
     * @param variable         the environment variable that sets it (what the refusal names)
     * @param value            its value in this start (null when unset)
     * @param developmentValue the value local runs use, published in the repository
     */
    public record Setting(String variable, String value, String developmentValue) {
    }

    /** One line per setting production refuses, in the given order; empty when the start may go on. */
    public static List<String> refusals(List<Setting> settings) {
        List<String> refusals = new ArrayList<>();
        for (Setting s : settings) {
            if (s.value() == null || s.value().isBlank()) {
                refusals.add(s.variable() + " is not set");
            } else if (s.value().equals(s.developmentValue())) {
                refusals.add(s.variable() + " has its development value (published in the repository)");
            }
        }
        return refusals;
    }
}
