package io.mlecs.jobs;

import io.mlecs.eval.cli.MetricsCommand;
import io.mlecs.jobs.bench.BenchCommand;
import io.mlecs.jobs.cli.CommandRegistry;
import io.mlecs.jobs.cli.DelegatingCommand;
import io.mlecs.jobs.quickstart.QuickstartCommand;
import io.mlecs.jobs.sweep.SweepCommand;
import io.mlecs.jobs.train.TrainCommand;
import io.mlecs.prep.PrepCommand;
import io.mlecs.prep.SampleDataCommand;
import io.mlecs.report.ReportCommand;
import io.mlecs.jobs.doctor.DoctorCommand;

/** The subcommands of {@code mlecs}. Adding one is one line here. */
public final class Commands {

    private Commands() {
    }

    public static CommandRegistry registry() {
        return new CommandRegistry()
                .add(new DoctorCommand())
                .add(new QuickstartCommand())
                .add(new TrainCommand())
                .add(new BenchCommand())
                .add(new SweepCommand())
                .add(new DelegatingCommand("prep",
                        "prepare UR-FALL or VAST as partitioned Parquet (prep urfall|vast --help)",
                        (args, ctx) -> PrepCommand.run(args,
                                DelegatingCommand.wantsHelp(args) ? null : ctx.spark(), ctx.out(), ctx.err())))
                .add(new DelegatingCommand("sample-data",
                        "write format-faithful generated UR-FALL or VAST files",
                        (args, ctx) -> SampleDataCommand.run(args, ctx.out(), ctx.err())))
                .add(new DelegatingCommand("metrics",
                        "score predictions: metrics rouge|bertscore|f1 --predictions F --references F",
                        (args, ctx) -> MetricsCommand.run(args, ctx.out(), ctx.err())))
                .add(new DelegatingCommand("report",
                        "write a self-contained report.html for a run or sweep directory",
                        (args, ctx) -> ReportCommand.run(args, ctx.out(), ctx.err())));
    }
}
