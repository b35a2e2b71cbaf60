package io.laku.ops.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the running stack is, from the same {@code LAKU_*} variables {@code ./laku} exports (so a command run through
 * {@code ./laku events} needs no flags): Kafka, the registry, each service's URL and the admin token.
 */
public final class Environment {

    private final Map<String, String> env;

    public Environment(Map<String, String> env) {
        this.env = env;
    }

    public static Environment system() {
        return new Environment(System.getenv());
    }

    private Optional<String> get(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    public String kafka() {
        return get("KAFKA_BOOTSTRAP_SERVERS").orElseGet(() -> "127.0.0.1:" + get("LAKU_KAFKA_PORT").orElse("19092"));
    }

    public String registry() {
        return get("LAKU_REGISTRY_URL")
                .orElseGet(() -> "http://127.0.0.1:" + get("LAKU_REGISTRY_PORT").orElse("18081") + "/apis/registry/v3");
    }

    /** The services ./laku runs ({@code LAKU_OPS_SERVICES}, space separated); their names are their consumer groups. */
    public List<String> services() {
        return get("LAKU_OPS_SERVICES").map(s -> Arrays.stream(s.trim().split("\\s+")).toList()).orElse(List.of());
    }

    /** A known service's name, or a {@link UsageException} listing the known ones. */
    public String service(String name) {
        List<String> known = services();
        if (!known.isEmpty() && !known.contains(name)) {
            throw new UsageException("unknown service '" + name + "' (known: " + String.join(", ", known) + ")");
        }
        return name;
    }

    /** {@code LAKU_<SERVICE>_URL}, else {@code http://127.0.0.1:$LAKU_<SERVICE>_PORT}. */
    public String serviceUrl(String service) {
        String upper = service.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        return get("LAKU_" + upper + "_URL")
                .or(() -> get("LAKU_" + upper + "_PORT").map(port -> "http://127.0.0.1:" + port))
                .orElseThrow(() -> new UsageException("no address for service '" + service + "': set LAKU_" + upper
                        + "_URL (./laku events sets it)"));
    }

    /** A bearer token with the admin role for the services' admin endpoints ({@code ./laku events} mints one). */
    public String adminToken() {
        return get("LAKU_OPS_TOKEN").orElseThrow(() -> new UsageException(
                "no admin token: set LAKU_OPS_TOKEN (./laku events mints one with ./laku token --role admin)"));
    }
}
