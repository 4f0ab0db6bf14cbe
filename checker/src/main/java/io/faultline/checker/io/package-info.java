/**
 * Reading and writing histories in the formats they are recorded in elsewhere (Jepsen/Knossos EDN,
 * Porcupine's etcd logs and key-value EDN lines) and faultline's own JSON Lines; a package of its own
 * because formats change for reasons unrelated to the checking algorithms.
 *
 * <p>Every reader reports a malformed input as one {@link io.faultline.checker.io.HistoryFormatException}
 * naming the file, line and column; {@link io.faultline.checker.io.HistoryReaders} is the entry point.
 */
package io.faultline.checker.io;
