package io.faultline.cli.run;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error while a sweep runs, only when a person is watching a terminal
 * (never in pipes, CI logs or JSON output, where it would be noise).
 */
final class SweepProgress implements AutoCloseable {
    private final ProgressBar bar;

    private SweepProgress(ProgressBar bar) {
        this.bar = bar;
    }

    static SweepProgress open(int total, boolean wanted, String scenario) {
        if (!wanted || System.console() == null) {
            return new SweepProgress(null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(scenario)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" seeds", 1)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build();
        return new SweepProgress(bar);
    }

    void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
