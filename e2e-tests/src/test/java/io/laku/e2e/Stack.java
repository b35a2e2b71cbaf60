package io.laku.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The running stack's own controls (./laku kill / stop / start), for drills against the real processes. */
final class Stack {

    private Stack() {
    }

    /** SIGKILL: the service loses whatever it was doing, as in a crash. */
    static void kill(String service) {
        laku("kill", service, Map.of());
    }

    /** The graceful stop every deploy does (SIGTERM; Postgres: its fast shutdown). */
    static void stop(String part) {
        laku("stop", part, Map.of());
    }

    /** Starts the part (a service, an instance such as payment-2, or the infrastructure) and returns once it is ready. */
    static void start(String part) {
        laku("start", part, Map.of());
    }

    /** Starts the service with these settings on top of ./laku's (e.g. a short retention), once it is ready. */
    static void start(String service, Map<String, String> settings) {
        laku("start", service, settings);
    }

    /** A service's built fast-jar (./laku test builds it first). */
    static Path jar(String service) {
        return repo().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static void laku(String command, String service, Map<String, String> settings) {
        Path script = repo().resolve("laku");
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(script.toString(), command, service))
                    .directory(repo().toFile()).redirectErrorStream(true);
            builder.environment().putAll(settings);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(240, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("./laku " + command + " " + service + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path repo() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("laku"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no ./laku above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
