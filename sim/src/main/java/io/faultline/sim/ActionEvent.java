package io.faultline.sim;

/** A scheduled action of the environment (a fault, a workload step), described in the trace. */
final class ActionEvent extends Event {
    final String description;
    final Runnable action;

    ActionEvent(String description, Runnable action) {
        this.description = description;
        this.action = action;
    }

    @Override
    void fire(Simulation sim) {
        sim.trace().record(sim.now(), TraceKind.ACTION, -1, -1, description);
        action.run();
    }
}
