/**
 * Two reference scenarios written only against the kernel's public API: {@code demo/echo} (the
 * smallest useful client/server run) and {@code demo/broadcast} (gossip with retries across a
 * partition that heals). They show model authors the whole path from processes to a RunResult.
 */
package io.faultline.models.demo;
