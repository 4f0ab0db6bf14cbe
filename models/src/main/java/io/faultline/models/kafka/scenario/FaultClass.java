package io.faultline.models.kafka.scenario;

/**
 * The classes of fault {@link KafkaNemesis} draws, each with the timeout its duration is measured
 * against (FIDELITY C1 lag rule, C4 sessions).
 */
enum FaultClass {
    ISOLATE("isolate a broker or the controller"),
    SPLIT("split brokers and clients in two"),
    REPLICATION_CUT("cut a broker's data port (session kept)"),
    CRASH("crash and restart a broker"),
    PAUSE("pause a broker (zombie leader)"),
    POWER_LOSS("power loss of every replica"),
    CLOCK("clock skew or jump"),
    LEADER_CUT_THEN_CRASH_FOLLOWER("cut the leader's data port, then crash a follower"),
    LAGGARD_THEN_LOSE_ISR("a replica falls behind, then the in-sync ones crash"),
    LEADER_AND_SUCCESSOR_CRASH("crash the leader and its likely successor"),
    CONTROLLER("crash, pause or isolate the active controller"),
    /** Drawn only where a scenario asks for it ({@link KafkaNemesis#WITH_DISK_LOSS}). */
    LEADER_ALONE_LOSES_DISK("cut the leader off its followers, then replace its machine (empty disk)");

    private final String label;

    FaultClass(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The timeout this class must outlast to matter: the lag rule for data-port faults, else the session. */
    long relevantTimeout(KafkaNemesis.Timeouts t) {
        return switch (this) {
            case REPLICATION_CUT, LEADER_CUT_THEN_CRASH_FOLLOWER, LAGGARD_THEN_LOSE_ISR, LEADER_ALONE_LOSES_DISK -> t.longest();
            default -> t.session();
        };
    }
}
