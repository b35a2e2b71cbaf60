package io.laku.platform.startup;

import io.laku.platform.startup.ProductionRules.Environment;
import io.laku.platform.startup.ProductionRules.Setting;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Refuses a production start (see {@link ProductionRules#environment}) while any setting listed under
 * {@code laku.production.required.<VARIABLE>=<development value>} is missing or still has its development value.
 * The platform lists what every service needs (database passwords, JWT issuer, audience and key); a service adds
 * its own secrets the same way in its {@code application.properties}.
 */
@ApplicationScoped
public class ProductionGuard {

    private static final Logger LOG = Logger.getLogger(ProductionGuard.class);
    static final String REQUIRED = "laku.production.required.";

    public void check() {
        Config config = ConfigProvider.getConfig();
        Environment environment = ProductionRules.environment(config.getOptionalValue("LAKU_ENV", String.class).orElse(null),
                ConfigUtils.getProfiles());
        Map<String, String> required = required(config);
        if (environment == Environment.DEVELOPMENT) {
            LOG.infof("Development start (LAKU_ENV / profile %s): development values of %s are allowed",
                    ConfigUtils.getProfiles(), required.keySet());
            return;
        }
        List<Setting> settings = new ArrayList<>();
        required.forEach((variable, development) -> settings.add(
                new Setting(variable, config.getOptionalValue(variable, String.class).orElse(null), development)));
        List<String> refusals = ProductionRules.refusals(settings);
        if (!refusals.isEmpty()) {
            String message = "Refusing to start in production: " + String.join("; ", refusals)
                    + ". Set each of them in the environment (or run locally with LAKU_ENV=development).";
            LOG.error(message);
            throw new IllegalStateException(message);
        }
        LOG.infof("Production start: %s are set", required.keySet());
    }

    private static Map<String, String> required(Config config) {
        Map<String, String> required = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(REQUIRED)) {
                required.put(name.substring(REQUIRED.length()), config.getOptionalValue(name, String.class).orElse(""));
            }
        }
        return required;
    }
}
