/**
 * Turns a raw history into paired operations and real-time events (Knossos' preprocessing rules),
 * the input both searches share.
 */
package io.faultline.checker.prepare;
