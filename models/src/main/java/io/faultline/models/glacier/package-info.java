/**
 * The S3 Glacier vault API (the 2012 {@code glacier} service, FIDELITY part B) as a simulated
 * service: vaults, immutable archives checked by SHA-256 tree hashes, multipart uploads,
 * asynchronous retrieval and inventory jobs whose hours-long completion times cost nothing in
 * virtual time, a daily inventory, Expedited capacity and Vault Lock.
 *
 * <p>{@link io.faultline.models.glacier.store.VaultStore} holds the rules (pure: time and randomness are
 * passed in); {@link io.faultline.models.glacier.server.GlacierService} runs it as a process on a host and
 * {@link io.faultline.models.glacier.workload.GlacierRequester} is the client library other hosts use.
 */
package io.faultline.models.glacier;
