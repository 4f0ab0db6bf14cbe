package lab;

import io.faultline.labs.replog.Cluster;
import io.faultline.labs.replog.DurableLog;
import io.faultline.labs.replog.LogWire.AlterIsr;
import io.faultline.labs.replog.LogWire.Fetch;
import io.faultline.labs.replog.LogWire.FetchReply;
import io.faultline.labs.replog.LogWire.Heartbeat;
import io.faultline.labs.replog.LogWire.LeaderAndIsr;
import io.faultline.labs.replog.LogWire.Poll;
import io.faultline.labs.replog.LogWire.PollReply;
import io.faultline.labs.replog.LogWire.Produce;
import io.faultline.labs.replog.LogWire.ProduceReply;
import io.faultline.labs.replog.ReplicatedLogLab;
import io.faultline.sim.Context;
import io.faultline.sim.HostId;
import io.faultline.sim.Message;
import io.faultline.sim.Process;
import io.faultline.sim.Simulation;
import io.faultline.sim.Timer;
import java.util.List;

/**
 * Your replicated log: one partition on brokers 0, 1 and 2, and a controller.
 *
 * <p>A broker leads or follows as the controller's latest {@link LeaderAndIsr} says. The leader
 * appends producers' records, answers a {@link Produce} only once every ISR member has the record
 * (acks=all), serves {@link Poll}s below its high watermark, and asks the controller to change the
 * ISR. A follower fetches from the leader and cuts its log where it parts from the leader's. The
 * controller elects a new leader from the ISR when the leader's broker goes silent.
 *
 * <p>Handlers run one at a time in virtual time and never block: wait with {@code ctx.setTimer},
 * read the time with {@code ctx.now()}. The {@link DurableLog} survives crashes; your fields do not.
 * Grade with {@code faultline grade replicated-log .}; the chapter "Lab: a replicated log" has the hints.
 */
public final class ReplicatedLog implements ReplicatedLogLab {
    static final long TICK = 20 * Simulation.MILLIS;

    record Tick() implements Timer {
    }

    @Override
    public Process broker(int id, Cluster cluster, DurableLog log) {
        return new Broker(id, cluster, log);
    }

    @Override
    public Process controller(Cluster cluster) {
        return new Controller(cluster);
    }

    /** A broker: leader or follower of the partition. */
    static final class Broker implements Process {
        private final int id;
        private final Cluster cluster;
        private final DurableLog log;
        private LeaderAndIsr state = new LeaderAndIsr(-1, -1, -1, List.of());

        Broker(int id, Cluster cluster, DurableLog log) {
            this.id = id;
            this.cluster = cluster;
            this.log = log;
        }

        @Override
        public void onStart(Context ctx) {
            ctx.setTimer(TICK, new Tick());
        }

        @Override
        public void onTimer(Context ctx, Timer t) {
            ctx.send(cluster.controller(), new Heartbeat(id));
            // TODO leader: ask the controller (AlterIsr) to drop followers that lag and take back caught-up ones
            // TODO follower: fetch from the leader (Fetch with your log's end and last epoch)
            ctx.setTimer(TICK, new Tick());
        }

        @Override
        public void onMessage(Context ctx, HostId from, Message m) {
            if (m instanceof LeaderAndIsr s) {
                // TODO: ignore old states (version); a new epoch starts a new leadership
                state = s;
            } else if (m instanceof Produce p) {
                // TODO leader: append, and answer once the ISR has the record
                ctx.send(from, new ProduceReply(p.id(), false, -1));
            } else if (m instanceof Poll p) {
                // TODO leader: the records from p.offset(), below the high watermark
                ctx.send(from, new PollReply(p.id(), false, p.offset(), List.of()));
            } else if (m instanceof Fetch f) {
                // TODO leader: check the follower's epoch and log, answer with records (or where to truncate)
            } else if (m instanceof FetchReply r) {
                // TODO follower: truncate or append, and learn the high watermark
            }
        }
    }

    /** The controller: leader elections and ISR changes. */
    static final class Controller implements Process {
        private final Cluster cluster;
        private LeaderAndIsr state;

        Controller(Cluster cluster) {
            this.cluster = cluster;
            this.state = new LeaderAndIsr(0, 0, 0, cluster.brokerIds());
        }

        @Override
        public void onStart(Context ctx) {
            ctx.setTimer(TICK, new Tick());
        }

        @Override
        public void onTimer(Context ctx, Timer t) {
            // TODO: elect a new leader from the ISR when the leader's heartbeats stop
            for (int b : cluster.brokerIds()) {
                ctx.send(cluster.broker(b), state);
            }
            ctx.setTimer(TICK, new Tick());
        }

        @Override
        public void onMessage(Context ctx, HostId from, Message m) {
            if (m instanceof Heartbeat h) {
                // TODO: remember when each broker was last heard from
            } else if (m instanceof AlterIsr a) {
                // TODO: accept an ISR change from the current leader of the current epoch only
            }
        }
    }
}
