package io.laku.ops;

import io.laku.ops.audit.AuditCommand;
import io.laku.ops.cli.Command;
import io.laku.ops.cli.Context;
import io.laku.ops.cli.Environment;
import io.laku.ops.cli.OpsFailure;
import io.laku.ops.cli.PartDownException;
import io.laku.ops.cli.UsageException;
import io.laku.ops.dlq.DlqListCommand;
import io.laku.ops.dlq.DlqRedriveCommand;
import io.laku.ops.dlq.DlqShowCommand;
import io.laku.ops.lag.LagCommand;
import io.laku.ops.replay.ReplayCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./laku events ...}: ops over the event log. Exit codes: 0 done, 1 the command could not do what was asked
 * (e.g. a redrive that failed again), 2 bad arguments, 3 a part it needs is down (the message names it).
 */
public final class Main {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int DOWN = 3;

    static final List<Command> COMMANDS = List.of(new AuditCommand(), new DlqListCommand(), new DlqShowCommand(),
            new DlqRedriveCommand(), new ReplayCommand(), new LagCommand());

    private Main() {
    }

    public static void main(String[] argv) {
        List<String> args = Arrays.asList(argv);
        boolean verbose = args.contains("--verbose");
        // the Kafka client's own chatter (reconnect warnings) would drown the one clear message
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "error");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        if (!verbose) {
            // the registry client's Vert.x says it uses a default instance, through java.util.logging
            java.util.logging.LogManager.getLogManager().reset();
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        }
        System.exit(run(args, Environment.system(), System.out, System.err));
    }

    public static int run(List<String> args, Environment environment, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.getFirst().equals("--help") || args.getFirst().equals("-h") || args.getFirst().equals("help")) {
            out.println(usage());
            return args.isEmpty() ? USAGE : OK;
        }
        Optional<Match> match = find(args);
        if (match.isEmpty()) {
            err.println("laku events: unknown command '" + String.join(" ", args.subList(0, Math.min(2, args.size())))
                    + "'\n\n" + usage());
            return USAGE;
        }
        Command command = match.get().command();
        List<String> rest = match.get().rest();
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(command.help());
            return OK;
        }
        try (Context context = new Context(environment, out, err)) {
            return command.run(rest, context);
        } catch (UsageException e) {
            err.println("laku events " + command.name() + ": " + e.getMessage() + "\nusage: ./laku events "
                    + command.synopsis() + "   (./laku events " + command.name() + " --help)");
            return USAGE;
        } catch (PartDownException e) {
            err.println("laku events " + command.name() + ": " + e.getMessage());
            return DOWN;
        } catch (OpsFailure e) {
            err.println("laku events " + command.name() + ": " + e.getMessage());
            return FAILED;
        } catch (org.apache.kafka.common.KafkaException e) {
            err.println("laku events " + command.name() + ": Kafka failed the read: " + e);
            return FAILED;
        }
    }

    record Match(Command command, List<String> rest) {
    }

    /** The command whose name's words start the arguments (longest first: "dlq list" before "dlq"). */
    static Optional<Match> find(List<String> args) {
        for (Command command : COMMANDS) {
            List<String> words = List.of(command.name().split(" "));
            if (args.size() >= words.size() && args.subList(0, words.size()).equals(words)) {
                return Optional.of(new Match(command, args.subList(words.size(), args.size())));
            }
        }
        return Optional.empty();
    }

    static String usage() {
        StringBuilder text = new StringBuilder("usage: ./laku events COMMAND [--json] [--help]\n");
        for (Command command : COMMANDS) {
            text.append("  ").append(command.synopsis()).append('\n');
        }
        text.append("""

                Every command: --help for its options, --json for one JSON object per line, --quiet for no progress.
                exit: 0 done, 1 not done (see the message), 2 bad arguments, 3 a part of the stack is down""");
        return text.toString();
    }
}
