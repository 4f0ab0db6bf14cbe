/**
 * Machinery shared by the two linearizability searches ({@code wgl} and {@code linear}): interned
 * model states with memoized transitions, budgets, and the raw search result. Internal: use
 * {@code io.faultline.checker.Linearizability}.
 */
package io.faultline.checker.search;
