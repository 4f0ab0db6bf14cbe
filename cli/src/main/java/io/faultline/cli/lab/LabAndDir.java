package io.faultline.cli.lab;

import java.nio.file.Path;
import picocli.CommandLine;

/** The two arguments of {@code lab init} and {@code grade}: a lab's name and a project directory. */
final class LabAndDir {
    @CommandLine.Parameters(index = "0", paramLabel = "LAB", description = "the lab, e.g. s3-read-your-writes")
    String lab;

    @CommandLine.Parameters(index = "1", paramLabel = "DIR", description = "the student's project directory")
    Path dir;
}
