package io.faultline.labs.replog;

import io.faultline.sim.Process;
import org.apiguardian.api.API;

/**
 * What a student of lab {@code replicated-log} implements, in the class {@code lab.ReplicatedLog}
 * (public, with a public no-argument constructor): the processes of one partition replicated on
 * three brokers, on the simulator's {@link Process} API.
 *
 * <p>The guarantees the grader holds them to, through what producers and consumers see:
 * <ul>
 *   <li>no lost acknowledged write: a record acknowledged to its producer stays in the log at the
 *       offset it was acknowledged at, and consumers read it;</li>
 *   <li>no divergence: two consumers never read different records at the same offset;</li>
 *   <li>reads only below the high watermark: consumers never read a record that later vanishes;</li>
 *   <li>progress: once the faults heal, writes are acknowledged again.</li>
 * </ul>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ReplicatedLogLab {
    /** Broker {@code id}'s process: leader or follower as the controller says. Built again after each crash. */
    Process broker(int id, Cluster cluster, DurableLog log);

    /** The controller's process: it elects leaders and keeps the ISR. */
    Process controller(Cluster cluster);
}
