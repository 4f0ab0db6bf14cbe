package io.faultline.cli.lab;

import io.faultline.cli.ExitCodes;
import io.faultline.labs.Lab;
import io.faultline.labs.Labs;

/** A lab named on the command line, or bad input naming the labs there are. */
final class LabNames {
    private LabNames() {
    }

    static Lab lab(String name) {
        return Labs.find(name).orElseThrow(() -> new ExitCodes.BadInput("unknown lab '" + name + "'; the labs: "
                + Labs.names() + " (see 'faultline lab list')"));
    }
}
