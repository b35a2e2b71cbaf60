package io.laku.ops.cli;

import java.util.List;

/** One {@code ./laku events ...} command. */
public interface Command {

    /** The words that name it, e.g. {@code dlq list}. */
    String name();

    /** The one-line synopsis shown in the command list. */
    String synopsis();

    /** The full {@code --help} text. */
    String help();

    /** @return the exit code (0 done, 1 failed); bad arguments throw {@link UsageException} */
    int run(List<String> argv, Context context);
}
