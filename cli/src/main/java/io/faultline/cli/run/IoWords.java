package io.faultline.cli.run;

import java.io.IOException;
import java.util.Locale;

/** I/O errors in words for one-line messages ("Permission denied: /x", "no such file: /x/y"). */
final class IoWords {
    private IoWords() {
    }

    static String why(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException nsf) {
            return "no such folder: " + nsf.getFile();
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason() + ": " + fse.getFile();
        }
        String kind = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return kind + ": " + e.getMessage();
    }
}
