package org.lesionsearch.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lesionsearch.indexer.dicomweb.CrawlReport;
import org.lesionsearch.indexer.dicomweb.DicomWebCrawler;
import org.lesionsearch.indexer.dicomweb.DicomWebSettings;
import org.lesionsearch.indexer.dicomweb.SeriesRef;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lesion-search crawl}: pulls new CT and SR series from a PACS over DICOMweb into a local folder. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = {"Pulls the CT studies of a PACS over DICOMweb into a local folder: QIDO-RS finds studies (study date"
                + " range, modality CT) and their series, WADO-RS retrieves the CT series and the SR measurement reports"
                + " not taken before, and each instance is checked and stored as <study>/<series>/<instance>.dcm.",
            "The crawl is incremental: a state file in the folder remembers the series taken and the study date up to which"
                + " everything was handled, so a rerun fetches only what is new. Time-outs and 5xx answers are retried"
                + " with back-off; what still fails is listed and retried by the next run. 'index --source dicom:DIR/instances'"
                + " indexes the result ('index --source dicomweb:URL' crawls and indexes in one go)."},
        footer = {"", "Examples:",
            "  lesion-search crawl dicomweb:http://127.0.0.1:8042/dicom-web --into /data/pacs",
            "  lesion-search crawl dicomweb:http://pacs:8042/dicom-web --into /data/pacs --from 2024-01-01 --to 2024-06-30",
            "  lesion-search crawl dicomweb:http://pacs:8042/dicom-web --into /data/pacs --rescan --timeout 120 --json"})
public final class CrawlCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "dicomweb:URL", description = "The PACS's DICOMweb root, e.g. dicomweb:http://127.0.0.1:8042/dicom-web.")
    String source;

    @Option(names = "--into", required = true, paramLabel = "DIR",
            description = "Folder for the instances (DIR/instances) and the crawl state (DIR/crawl-state.json).")
    Path into;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First study date to take.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last study date to take.")
    LocalDate to;

    @Option(names = "--rescan", description = "List every matching study again, not only those from the last study date on"
            + " (catches studies that reached the PACS late with an old date); series taken before are still skipped.")
    boolean rescan;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "Time-out of one PACS call: connect, answer, and silence while data streams (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--attempts", defaultValue = "4", description = "Attempts per PACS call before it counts as failed (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--json", description = "Print the figures as JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DicomWebSettings settings;
        try {
            settings = DicomWebSettings.forSource(source, into)
                    .withWorkDir(into)
                    .withDates(from, to)
                    .withRescan(rescan)
                    .withPatience(Duration.ofSeconds(timeoutSeconds), attempts);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        CrawlReport report;
        try (DicomWebSettings.Crawl crawl = settings.open()) {
            report = crawl.crawler().crawl(crawl.options(), new Progress(err));
        } catch (IOException | IllegalArgumentException e) {
            err.println("crawl: " + e.getMessage());
            return 2;
        }
        for (CrawlReport.CrawlFailure f : report.failures()) {
            err.println("failed: " + f.reason());
        }
        if (json) {
            out.println(toJson(settings, report));
        } else {
            printTable(out, settings, report);
        }
        out.flush();
        boolean searchFailed = report.studiesListed() == 0 && !report.failures().isEmpty();
        return searchFailed ? 1 : 0;
    }

    private static void printTable(PrintWriter out, DicomWebSettings settings, CrawlReport r) {
        double seconds = Math.max(1e-9, r.elapsed().toNanos() / 1e9);
        List<String[]> rows = List.of(
                row("PACS", settings.clientConfig().baseUri().toString()),
                row("instances folder", settings.instancesDir().toString()),
                row("studies listed", fmt(r.studiesListed())),
                row("studies unchanged (skipped)", fmt(r.studiesUnchanged())),
                row("series fetched", fmt(r.seriesFetched())),
                row("series taken before (skipped)", fmt(r.seriesAlreadySeen())),
                row("series of other modalities", fmt(r.seriesOtherModality())),
                row("instances stored", fmt(r.instancesStored())),
                row("MB stored", String.format(Locale.ROOT, "%,.1f", r.bytesStored() / 1e6)),
                row("failures", fmt(r.failures().size())),
                row("elapsed s", String.format(Locale.ROOT, "%,.2f", seconds)),
                row("instances/s", String.format(Locale.ROOT, "%,.1f", r.instancesStored() / seconds)),
                row("MB/s", String.format(Locale.ROOT, "%,.1f", r.bytesStored() / 1e6 / seconds)));
        int width = rows.stream().mapToInt(x -> x[0].length()).max().orElse(10);
        for (String[] x : rows) {
            out.printf(Locale.ROOT, "%-" + width + "s  %s%n", x[0], x[1]);
        }
    }

    private static String toJson(DicomWebSettings settings, CrawlReport r) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = mapper.createObjectNode();
        double seconds = Math.max(1e-9, r.elapsed().toNanos() / 1e9);
        o.put("pacs", settings.clientConfig().baseUri().toString());
        o.put("instancesFolder", settings.instancesDir().toString());
        o.put("studiesListed", r.studiesListed());
        o.put("studiesUnchanged", r.studiesUnchanged());
        o.put("seriesFetched", r.seriesFetched());
        o.put("seriesAlreadySeen", r.seriesAlreadySeen());
        o.put("seriesOtherModality", r.seriesOtherModality());
        o.put("instancesStored", r.instancesStored());
        o.put("bytesStored", r.bytesStored());
        o.put("elapsedSeconds", seconds);
        o.put("instancesPerSecond", r.instancesStored() / seconds);
        o.put("megabytesPerSecond", r.bytesStored() / 1e6 / seconds);
        var failures = o.putArray("failures");
        for (CrawlReport.CrawlFailure f : r.failures()) {
            ObjectNode n = failures.addObject();
            n.put("study", f.studyUid());
            n.put("series", f.seriesUid());
            n.put("instance", f.sopInstanceUid());
            n.put("reason", f.reason());
        }
        try {
            return mapper.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] row(String name, String value) {
        return new String[] {name, value};
    }

    private static String fmt(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** One line on stderr every few seconds: studies listed, series and instances so far. */
    private static final class Progress implements DicomWebCrawler.Listener {
        private final PrintWriter err;
        private final long started = System.nanoTime();
        private long lastLine;
        private int studies;
        private int series;
        private long instances;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void studiesListed(int count) {
            studies = count;
            err.printf(Locale.ROOT, "%,d studies to look at%n", count);
            err.flush();
        }

        @Override
        public void seriesStored(SeriesRef s, List<Path> files) {
            series++;
            instances += files.size();
            long now = System.nanoTime();
            if (now - lastLine > 5_000_000_000L) {
                lastLine = now;
                double seconds = (now - started) / 1e9;
                err.printf(Locale.ROOT, "%,d series, %,d instances, %,.1f instances/s (of %,d studies)%n", series, instances,
                        instances / Math.max(1e-9, seconds), studies);
                err.flush();
            }
        }
    }
}
