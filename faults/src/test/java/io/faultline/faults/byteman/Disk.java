package io.faultline.faults.byteman;

import java.io.IOException;

/** A tiny class for rules to act on: counts writes, remembers its last block. */
class Disk {
    int writes;
    int lastBlock = -1;

    void write(int block) throws IOException {
        writes++;
        lastBlock = block;
    }

    /** A block request whose owner is private, as in code one does not own. */
    static final class Request {
        private final int owner;

        Request(int owner) {
            this.owner = owner;
        }
    }

    void submit(Request r) {
        writes++;
    }

    String label() {
        return "disk-0";
    }

    long flush() {
        return writes;
    }
}
