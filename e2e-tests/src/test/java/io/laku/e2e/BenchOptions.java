package io.laku.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A bench command's options: {@code --name value} for the numbers it knows (with their defaults), {@code --flag} for
 * its switches; anything else is refused with the command's usage.
 */
final class BenchOptions {

    private final Map<String, Long> numbers;
    private final Set<String> flags;

    private BenchOptions(Map<String, Long> numbers, Set<String> flags) {
        this.numbers = numbers;
        this.flags = flags;
    }

    static BenchOptions parse(String[] args, Map<String, Long> defaults, Set<String> switches, String usage) {
        Map<String, Long> numbers = new LinkedHashMap<>(defaults);
        Set<String> flags = new java.util.HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (switches.contains(name)) {
                flags.add(name);
            } else if (defaults.containsKey(name) && i + 1 < args.length) {
                try {
                    long value = Long.parseLong(args[++i]);
                    if (value < 0) {
                        throw new NumberFormatException();
                    }
                    numbers.put(name, value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--" + name + " takes a whole number >= 0, not '" + args[i]
                            + "'\nusage: " + usage);
                }
            } else {
                throw new IllegalArgumentException("unknown or incomplete option '" + args[i] + "'\nusage: " + usage);
            }
        }
        return new BenchOptions(numbers, flags);
    }

    int number(String name) {
        return Math.toIntExact(numbers.get(name));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }
}
