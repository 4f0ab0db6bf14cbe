package io.faultline.cli.run;

/** Quoting for words printed in commands the user copies into a POSIX shell. */
final class Shell {
    private Shell() {
    }

    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=,+@%-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
