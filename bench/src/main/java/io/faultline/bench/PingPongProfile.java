package io.faultline.bench;

/**
 * {@link KernelBench}'s ping-pong alone, for a profiler to sample: no queue ceiling and no timer
 * churn in the same process, so every execution sample of the run is a ping-pong event. Not a JMH
 * benchmark; its figures are the profiler's (bench/README.md, kernel section).
 *
 * <pre>
 * java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -XX:StartFlightRecording=filename=pp.jfr,settings=profile \
 *   -cp bench/target/benchmarks.jar io.faultline.bench.PingPongProfile 10000 10000000
 * </pre>
 */
public final class PingPongProfile {
    private PingPongProfile() {
    }

    /** Arguments: host count, then events to run (rounded up to whole benchmark invocations). */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: PingPongProfile HOSTS EVENTS");
            System.exit(2);
        }
        KernelBench b = new KernelBench();
        b.hosts = Integer.parseInt(args[0]);
        b.setUp();
        long events = Long.parseLong(args[1]);
        long done = 0;
        while (done < events) {
            done = b.pingPong();
        }
        System.out.println(done + " ping-pong events among " + b.hosts + " hosts");
    }
}
