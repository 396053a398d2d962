package org.lesionsearch.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lesion-search} command line: one subcommand per job. */
@Command(
        name = "lesion-search",
        mixinStandardHelpOptions = true,
        versionProvider = LesionSearchCommand.Version.class,
        description = "Search engine for CT lesions: index measured lesions, then find similar lesions,"
                + " the same lesion over time and teaching cases by words.",
        subcommands = {
            CommandLine.HelpCommand.class,
            EvalMatchingCommand.class, QueryBenchCommand.class,
            LoadBenchCommand.class,
            IndexCommand.class, BenchIngestCommand.class,
            SynthCommand.class, ContactSheetCommand.class,
            CrawlCommand.class,
            BenchCommand.class,
            BenchModelsCommand.class, TrainCommand.class,
            ServeCommand.class,
            TokenCommand.class,
            ImportCommand.class,
            DemoCommand.class,
            MineLabelsCommand.class, EvalLabelsCommand.class,
            EvalModelsCommand.class,
        })
public final class LesionSearchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new LesionSearchCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = LesionSearchCommand.class.getPackage().getImplementationVersion();
            return new String[] {"lesion-search " + (v == null ? "development build" : v)};
        }
    }
}
