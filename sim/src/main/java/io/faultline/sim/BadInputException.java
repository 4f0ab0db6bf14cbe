package io.faultline.sim;

import org.apiguardian.api.API;

/**
 * Bad user input (an unknown scenario or setting key, a value out of range, a malformed duration):
 * its message is one line naming the culprit and what is allowed, shown as is (the CLI exits 2).
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message, null, false, false);
    }
}
