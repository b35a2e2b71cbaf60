package io.laku.ops.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One command's arguments: positionals, {@code --name value} (or {@code --name=value}) options and {@code --flag}s.
 * Anything the command did not declare is a {@link UsageException}, so a typo never runs a different command.
 */
public final class Args {

    /** Flags every command understands. */
    public static final Set<String> COMMON_FLAGS = Set.of("help", "json", "quiet", "verbose");

    private final List<String> positionals;
    private final Map<String, String> options;
    private final Set<String> flags;

    private Args(List<String> positionals, Map<String, String> options, Set<String> flags) {
        this.positionals = positionals;
        this.options = options;
        this.flags = flags;
    }

    public static Args parse(List<String> argv, Set<String> valueOptions, Set<String> flagOptions) {
        List<String> positionals = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.equals("-h")) {
                flags.add("help");
            } else if (arg.equals("--")) {
                positionals.addAll(argv.subList(i + 1, argv.size()));
                break;
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (valueOptions.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= argv.size() || argv.get(i + 1).startsWith("--")) {
                            throw new UsageException("--" + name + " needs a value");
                        }
                        value = argv.get(++i);
                    }
                    if (options.putIfAbsent(name, value) != null) {
                        throw new UsageException("--" + name + " given twice");
                    }
                } else if (flagOptions.contains(name) || COMMON_FLAGS.contains(name)) {
                    if (value != null) {
                        throw new UsageException("--" + name + " takes no value");
                    }
                    flags.add(name);
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else if (arg.startsWith("-") && arg.length() > 1) {
                throw new UsageException("unknown option " + arg);
            } else {
                positionals.add(arg);
            }
        }
        return new Args(List.copyOf(positionals), Map.copyOf(options), Set.copyOf(flags));
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public String required(String name) {
        return option(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
    }

    public List<String> positionals() {
        return positionals;
    }

    /** Fails unless there are exactly as many positionals as names given (the names say what each one is). */
    public void expectPositionals(String... names) {
        if (positionals.size() < names.length) {
            throw new UsageException("missing " + names[positionals.size()]);
        }
        if (positionals.size() > names.length) {
            throw new UsageException("unexpected argument '" + positionals.get(names.length) + "'");
        }
    }

    /** Exactly one of the named options (e.g. --from or --from-offset). */
    public String exactlyOne(String... names) {
        List<String> given = java.util.Arrays.stream(names).filter(n -> options.containsKey(n) || flags.contains(n)).toList();
        if (given.size() != 1) {
            String all = String.join(" | --", names);
            throw new UsageException(given.isEmpty() ? "give one of --" + all : "give only one of --" + all);
        }
        return given.getFirst();
    }

    public Optional<Instant> instant(String name) {
        return option(name).map(value -> parseInstant("--" + name, value));
    }

    public static Instant parseInstant(String what, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                // a date alone means its first instant, UTC
                return java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new UsageException(what + " must be an ISO-8601 instant such as 2026-05-01T08:00:00Z, not '" + value + "'");
            }
        }
    }

    public static UUID parseUuid(String what, String value) {
        try {
            UUID id = UUID.fromString(value);
            if (!id.toString().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException(value);
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new UsageException(what + " must be a UUID, not '" + value + "'");
        }
    }
}
