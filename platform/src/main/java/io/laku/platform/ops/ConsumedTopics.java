package io.laku.platform.ops;

import io.laku.platform.eventing.EventListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Which of this service's listeners consume a topic, from their channels' config
 * ({@code mp.messaging.incoming.<channel>.topic} or {@code .topics}): what a replay or a redrive of a record of that
 * topic goes through.
 */
@ApplicationScoped
public class ConsumedTopics {

    @Inject
    @Any
    Instance<EventListener> listeners;

    @Inject
    Config config;

    public List<EventListener> of(String topic) {
        return byTopic().getOrDefault(topic, List.of());
    }

    public Map<String, List<EventListener>> byTopic() {
        Map<String, List<EventListener>> byTopic = new LinkedHashMap<>();
        for (EventListener listener : listeners) {
            for (String topic : topicsOf(listener.channel())) {
                byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(listener);
            }
        }
        return byTopic;
    }

    private List<String> topicsOf(String channel) {
        String prefix = "mp.messaging.incoming." + channel + ".";
        Optional<String> topics = config.getOptionalValue(prefix + "topics", String.class)
                .or(() -> config.getOptionalValue(prefix + "topic", String.class));
        return topics.map(t -> Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of(channel));
    }
}
