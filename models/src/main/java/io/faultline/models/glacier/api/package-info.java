/**
 * The vault API's values: the calls, their results and errors, and the records they carry (archives,
 * jobs, inventories, locks, tiers), shared by the service and its clients.
 */
package io.faultline.models.glacier.api;
