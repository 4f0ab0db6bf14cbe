package io.faultline.checker;

import org.apiguardian.api.API;

/**
 * Which linearizability search to run.
 *
 * <ul>
 *   <li>{@link #WGL}: Wing-Gong-Lowe with a (linearized set, state) cache; usually the fastest;</li>
 *   <li>{@link #LINEAR}: Knossos' configuration-set search, advanced event by event;</li>
 *   <li>{@link #COMPETITION}: both in parallel threads (the linear search joins only after WGL has used a
 *       tenth of the time limit on a part, at least 100 ms, as WGL decides most histories sooner; on a single
 *       processor WGL runs alone); a linearizable answer from either ends both, and a counterexample is
 *       always WGL's so that it is the same on every run (the linear search's only when WGL gave up
 *       within the budget) (the default).</li>
 * </ul>
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Algorithm {
    WGL, LINEAR, COMPETITION
}
