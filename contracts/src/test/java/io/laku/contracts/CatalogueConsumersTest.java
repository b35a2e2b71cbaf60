package io.laku.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The consumers the catalogue names are the services' channel config: a service that subscribes to a topic
 * ({@code mp.messaging.incoming.*.topic(s)} in its application.properties) reacts to at least one event on it in
 * {@link EventCatalog}, and a service the catalogue names as a consumer subscribes to the event's topic.
 */
class CatalogueConsumersTest {

    static Map<String, Set<String>> subscriptionsByService() throws IOException {
        Map<String, Set<String>> subscriptions = new TreeMap<>();
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path config : modules.map(m -> m.resolve("src/main/resources/application.properties"))
                    .filter(Files::isRegularFile).toList()) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(config)) {
                    properties.load(reader);
                }
                String service = properties.getProperty("quarkus.application.name");
                Set<String> topics = new TreeSet<>();
                properties.stringPropertyNames().stream()
                        .filter(k -> k.startsWith("mp.messaging.incoming.") && (k.endsWith(".topic") || k.endsWith(".topics")))
                        .forEach(k -> Arrays.stream(properties.getProperty(k).split(",")).map(String::trim).forEach(topics::add));
                if (service != null && !topics.isEmpty()) {
                    subscriptions.put(service, topics);
                }
            }
        }
        return subscriptions;
    }

    static Map<String, Set<String>> consumedTopicsInTheCatalogue() {
        Map<String, Set<String>> consumed = new TreeMap<>();
        EventCatalog.events().forEach((event, aggregate) -> EventCatalog.consumersOf(event)
                .forEach(r -> consumed.computeIfAbsent(r.service(), s -> new TreeSet<>()).add(aggregate.topic())));
        return consumed;
    }

    @Test
    void theCatalogueNamesTheConsumersTheServicesConfigure() throws IOException {
        Map<String, Set<String>> configured = subscriptionsByService();
        assertThat(configured).as("services with consumer channels, read from ../*/src/main/resources")
                .containsKeys("payment", "wallet", "notifications");
        assertThat(consumedTopicsInTheCatalogue()).isEqualTo(configured);
    }

    @Test
    void everyEventSaysWhoConsumesIt() {
        assertThat(EventCatalog.events().keySet()).allMatch(EventCatalog::consumersDeclared,
                "listed in EventCatalog.CONSUMERS (an empty list when nobody consumes it)");
    }
}
