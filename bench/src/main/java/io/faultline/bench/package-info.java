/**
 * JMH benchmarks of the hot paths (the scheduler's queue, message delivery, the checker's search).
 * Run them with {@code java -jar bench/target/benchmarks.jar}; the figures live in bench/README.md.
 */
package io.faultline.bench;
