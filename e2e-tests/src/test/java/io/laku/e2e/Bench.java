package io.laku.e2e;

import java.util.Arrays;

/**
 * {@code ./laku bench join|saga|pay-link|invoices}: benchmarks against the running stack (./laku up), a plain Java command line
 * on e2e-tests' test classpath (./laku bench builds it). Each prints its figures, and the join its same-run ceiling.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        try {
            switch (command) {
                case "join" -> JoinBenchmark.run(rest);
                case "saga" -> SagaBenchmark.run(rest);
                case "pay-link" -> PayLinkBenchmark.run(rest);
                case "invoices" -> InvoiceBenchmark.run(rest);
                default -> {
                    System.out.println("usage:\n  " + JoinBenchmark.USAGE + "\n  " + SagaBenchmark.USAGE + "\n  "
                            + PayLinkBenchmark.USAGE + "\n  " + InvoiceBenchmark.USAGE);
                    System.exit(command.equals("help") || command.equals("--help") ? 0 : 2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("bench " + command + ": " + e.getMessage());
            System.exit(2);
        }
        System.exit(0); // the HTTP client's and RestAssured's threads would keep the JVM alive
    }
}
