package io.laku.platform.eventing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the event consumers: every batch waiting on a failure is named with its partitions, how long and why.
 * DOWN once one has waited longer than {@code laku.consumer.stalled-after}: the partition is stalled and someone
 * should look (the other partitions keep flowing).
 */
@Readiness
@ApplicationScoped
public class ConsumerHealthCheck implements HealthCheck {

    @Inject
    ConsumerStatus status;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Laku event consumers").up();
        for (ConsumerStatus.Attempts batch : status.retrying()) {
            boolean stalled = status.stalled(batch);
            if (stalled) {
                response.down();
            }
            response.withData(batch.consumer() + " " + String.join(",", batch.partitions()),
                    (stalled ? "stalled" : "retrying") + " since " + batch.since() + ", " + batch.failures()
                            + " failed attempts (" + batch.lastKind() + "): " + batch.lastFailure());
        }
        return response.build();
    }
}
