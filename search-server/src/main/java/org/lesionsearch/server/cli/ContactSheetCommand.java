package org.lesionsearch.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.lesionsearch.indexer.contactsheet.ContactSheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lesion-search contact-sheet}: a PNG grid of windowed key slices with their RECIST lines. */
@Command(name = "contact-sheet", mixinStandardHelpOptions = true,
        description = {"Draws a contact sheet of a DeepLesion folder (real or synthetic): key slices in their reading"
                + " window with the RECIST long axis (red) and short axis (cyan), taken in turn from each coarse type."},
        footer = {"", "Examples:",
            "  lesion-search contact-sheet --data data/synth --out sheet.png",
            "  lesion-search contact-sheet --data ../shared/data/deeplesion --out real.png --columns 4",
            "  lesion-search contact-sheet --data data/synth --out zoom.png --crop-mm 120 --limit 48"})
public final class ContactSheetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "DeepLesion folder (Images_png and DL_info*.csv).")
    Path data;

    @Option(names = "--csv", paramLabel = "FILE", description = "The lesion table (default: DL_info.csv in DIR, else the one DL_info*.csv there).")
    Path csv;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "PNG file to write.")
    Path out;

    @Option(names = "--limit", defaultValue = "24", description = "Most lesions to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--columns", defaultValue = "6", description = "Tiles per row (default: ${DEFAULT-VALUE}).")
    int columns;

    @Option(names = "--tile", defaultValue = "256", paramLabel = "PX", description = "Tile size in pixels (default: ${DEFAULT-VALUE}).")
    int tile;

    @Option(names = "--crop-mm", defaultValue = "0", paramLabel = "MM",
            description = "Show a square of this many mm around each lesion instead of the whole slice (default: whole slice).")
    double cropMm;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            Path table = csv != null ? csv : findTable(data);
            ContactSheet.Sheet sheet = new ContactSheet(new ContactSheet.Layout(columns, tile, cropMm)).draw(data, table, limit);
            for (String problem : sheet.problems()) {
                stderr.println("skipped: " + problem);
            }
            if (sheet.shown().isEmpty()) {
                stderr.println("error: no lesion of " + table + " could be drawn");
                return 1;
            }
            ContactSheet.writePng(sheet, out);
            stdout.printf("wrote %d lesions to %s%n", sheet.shown().size(), out.toAbsolutePath());
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            stderr.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static Path findTable(Path folder) throws IOException {
        Path standard = folder.resolve("DL_info.csv");
        if (Files.isRegularFile(standard)) {
            return standard;
        }
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": no such folder");
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> tables = files.filter(p -> p.getFileName().toString().matches("DL_info.*\\.csv")).sorted().toList();
            if (tables.size() != 1) {
                throw new IOException(folder + ": expected DL_info.csv or one DL_info*.csv, found "
                        + (tables.isEmpty() ? "none" : tables.size() + "; choose one with --csv"));
            }
            return tables.get(0);
        }
    }
}
