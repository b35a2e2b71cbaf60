package io.laku.platform.startup;

import io.laku.platform.eventing.OutboxCapture;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.flywaydb.core.Flyway;

/**
 * What every service does first, in this order, before its consumers, schedulers or endpoints run: refuse an unsafe
 * production start, migrate its schema (as the schema owner, not the application role) and grant the application
 * role its rows, then make sure the deployment set up the outbox capture (publication and slot). Flyway runs here
 * rather than at Quarkus' migrate-at-start so that the production guard comes first: nothing is migrated, read or
 * written with a refused setting (Hibernate only asks the database for its version while booting).
 */
@ApplicationScoped
public class StartupSequence {

    @Inject
    ProductionGuard guard;

    @Inject
    Flyway flyway;

    @Inject
    SchemaGrants grants;

    @Inject
    OutboxCapture capture;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        guard.check();
        flyway.migrate();
        grants.grant(flyway.getConfiguration().getDataSource());
        capture.require(flyway.getConfiguration().getDataSource());
    }
}
