/**
 * The Wing-Gong-Lowe linearizability search (Lowe's just-in-time linearization with a cache of
 * (linearized set, state)), with Horn and Kroening's refinements (compact bitsets; per-key
 * splitting happens in {@code Linearizability}).
 */
package io.faultline.checker.wgl;
