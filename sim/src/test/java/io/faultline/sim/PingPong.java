package io.faultline.sim;

import java.util.ArrayList;
import java.util.List;

/** Test fixture: two processes bouncing a counter, recording what they saw. */
final class PingPong {
    sealed interface Msg extends Message {
        record Ball(long n) implements Msg {
        }
    }

    record Tick(int n) implements Timer {
    }

    /** Bounces every ball back incremented; the first host serves. */
    static final class Player implements Process {
        final List<String> seen = new ArrayList<>();
        private final HostId peer;
        private final boolean serve;

        Player(HostId peer, boolean serve) {
            this.peer = peer;
            this.serve = serve;
        }

        @Override
        public void onStart(Context ctx) {
            if (serve) {
                ctx.send(peer, new Msg.Ball(0));
            }
        }

        @Override
        public void onMessage(Context ctx, HostId from, Message m) {
            if (m instanceof Msg.Ball b) {
                seen.add(ctx.now() + ":" + b.n());
                ctx.send(from, new Msg.Ball(b.n() + 1));
            }
        }
    }

    private PingPong() {
    }

    /** A simulation with hosts a and b playing. */
    static Simulation game(long seed) {
        return game(seed, Bounds.DEFAULT);
    }

    static Simulation game(long seed, Bounds bounds) {
        Simulation sim = new Simulation(seed, bounds);
        HostId[] ids = new HostId[2];
        ids[0] = sim.addHost("a", self -> new Player(ids[1], true)).id();
        ids[1] = sim.addHost("b", self -> new Player(ids[0], false)).id();
        return sim;
    }
}
