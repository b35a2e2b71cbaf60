package io.laku.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code ./laku events ...} commands, as an operator types them, and reads what they print. */
final class Ops {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a command printed and how it exited. */
    record Result(int exit, String out, String err) {

        /** The --json lines of stdout. */
        List<JsonNode> json() {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    try {
                        lines.add(JSON.readTree(line));
                    } catch (IOException e) {
                        throw new AssertionError("not a JSON line: " + line + "\n" + this, e);
                    }
                }
            }
            return lines;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Ops() {
    }

    static Path laku() {
        return Stack.repo().resolve("laku");
    }

    static Result events(String... args) {
        List<String> command = new ArrayList<>(List.of(laku().toString(), "events"));
        command.addAll(List.of(args));
        return run(command);
    }

    /** With some variables of the environment changed (e.g. a part's port, to see how a command says it is down). */
    static Result eventsWith(java.util.Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(laku().toString(), "events"));
        command.addAll(List.of(args));
        return run(command, environment);
    }

    static Result laku(String... args) {
        List<String> command = new ArrayList<>(List.of(laku().toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private static Result run(List<String> command) {
        return run(command, java.util.Map.of());
    }

    private static Result run(List<String> command, java.util.Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(Stack.repo().toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String out = read(process.getInputStream());
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes");
            }
            return new Result(process.exitValue(), out, err.join());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
