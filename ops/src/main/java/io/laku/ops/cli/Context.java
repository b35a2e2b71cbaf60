package io.laku.ops.cli;

import io.laku.ops.kafka.EventDecoder;
import io.laku.ops.kafka.Kafka;
import java.io.PrintStream;

/** What a command runs against: the environment, and the parts it connects to when it first needs them. */
public final class Context implements AutoCloseable {

    private final Environment environment;
    private final PrintStream out;
    private final PrintStream err;
    private Output output;
    private Kafka kafka;
    private EventDecoder decoder;

    public Context(Environment environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public Environment environment() {
        return environment;
    }

    /** The output for a command's parsed flags (--json, --quiet). */
    public Output output(Args args) {
        output = new Output(args.flag("json"), args.flag("quiet"), out, err);
        return output;
    }

    public Kafka kafka() {
        if (kafka == null) {
            kafka = Kafka.connect(environment.kafka());
        }
        return kafka;
    }

    /** A decoder; when the registry is down the command goes on without payloads and says so on stderr. */
    public EventDecoder decoder() {
        if (decoder == null) {
            decoder = EventDecoder.forRegistry(environment.registry());
            if (!decoder.reachable() && output != null) {
                output.warn("the schema registry at " + environment.registry()
                        + " is not answering: payloads are not decoded (is the stack up? ./laku status)");
            }
        }
        return decoder;
    }

    @Override
    public void close() {
        if (decoder != null) {
            decoder.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
