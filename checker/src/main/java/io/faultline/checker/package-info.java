/**
 * The checkers: linearizability (Wing-Gong-Lowe and Knossos' configuration-set search) and log
 * checks, over histories recorded anywhere. Depends on nothing else of faultline's.
 */
package io.faultline.checker;
