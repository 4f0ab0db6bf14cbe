/**
 * The Glacier service process and its dispatch of calls to the vault store: the part that runs on a
 * host.
 */
package io.faultline.models.glacier.server;
