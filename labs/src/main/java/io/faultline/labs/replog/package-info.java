/**
 * Lab 2, {@code replicated-log}: one partition replicated on three brokers, with an ISR, a high
 * watermark, leader epochs and a controller. Students implement
 * {@link io.faultline.labs.replog.ReplicatedLogLab} on the simulator's {@code Process} API and the
 * messages of {@link io.faultline.labs.replog.LogWire};
 * {@link io.faultline.labs.replog.ReplicatedLogSuite} grades it.
 */
package io.faultline.labs.replog;
