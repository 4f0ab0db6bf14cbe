/** Lab 3, {@code glacier-archiver}: an archiver that serves every read by its deadline at the least cost. */
package io.faultline.labs.glacier;
