package org.lesionsearch.server.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.lesionsearch.core.index.Filter;
import org.lesionsearch.core.index.LesionIndex;
import org.lesionsearch.core.index.SearchHit;
import org.lesionsearch.core.index.SearchRequest;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.LesionId;
import org.lesionsearch.server.api.ApiContext;
import org.lesionsearch.server.api.ApiServer;
import org.lesionsearch.server.api.ServerConfig;
import org.lesionsearch.server.api.json.ApiJson;
import org.lesionsearch.server.audit.AuditLog;
import org.lesionsearch.server.auth.IssuedToken;
import org.lesionsearch.server.auth.Role;
import org.lesionsearch.server.auth.ServerSecurity;
import org.lesionsearch.server.auth.StoredToken;
import org.lesionsearch.server.auth.TokenFile;
import org.lesionsearch.server.auth.TokenSecrets;
import org.lesionsearch.server.auth.TokenVerifier;
import org.lesionsearch.server.bench.WorkloadGenerator;
import org.lesionsearch.server.limits.RequestLimits;
import org.lesionsearch.server.limits.TimeLimitedIndex;

/**
 * Drives a real server on the loopback interface, as {@code serve} sets it up (tokens, audit log,
 * request limits, search time-outs), with closed-loop clients sending mixed searches: first alone
 * (the baseline), then while a writer posts new lesions through {@code POST /api/lesions} at a
 * steady rate, each batch committed, then while it writes as fast as the server takes them (the
 * stress case: the writer then takes whatever share of the cores it can get, so searches/s there
 * says how the cores were shared more than how fast search is). Teaching and clinician tokens
 * alternate, so de-identified and audited identified answers are both in the mix.
 */
public final class LoadRun {

    /**
     * @param clients concurrent search clients
     * @param warmup untimed searches first, so that the timed phases see a warm server
     * @param phase length of each timed phase
     * @param ingestBatch lesions per write request
     * @param ingestRate lesions per second the steady writer sends; 0 leaves the steady phase out
     * @param seed seed of the query mix and of the written lesions
     */
    public record Settings(int clients, Duration warmup, Duration phase, int ingestBatch, double ingestRate, long seed) {
        public Settings {
            if (clients < 1 || ingestBatch < 1 || phase.isNegative() || phase.isZero() || warmup.isNegative()
                    || !(ingestRate >= 0)) {
                throw new IllegalArgumentException("clients and the ingest batch must be at least 1, the phase positive and"
                        + " the ingest rate not negative");
            }
        }
    }

    private static final double UNLIMITED_RATE = 1_000_000;

    private final LesionIndex index;
    private final Path workDir;
    private final Settings settings;
    private final PrintStream progress;
    private final ObjectMapper mapper = ApiJson.mapper();

    /** Takes ownership of {@code index}: it is closed when the run ends. */
    public LoadRun(LesionIndex index, Path workDir, Settings settings, PrintStream progress) {
        this.index = index;
        this.workDir = workDir;
        this.settings = settings;
        this.progress = progress;
    }

    public LoadFigures run() throws IOException, InterruptedException {
        long lesions = index.count(Filter.all());
        SearchMix mix = new SearchMix(exampleIds(settings.seed()));
        TokenFile tokenFile = new TokenFile(workDir.resolve("tokens.json"));
        TokenSecrets secrets = new TokenSecrets(new SecureRandom());
        IssuedToken teaching = secrets.issue("load-teaching", Role.TEACHING, UNLIMITED_RATE, Instant.now());
        IssuedToken clinician = secrets.issue("load-clinician", Role.CLINICIAN, UNLIMITED_RATE, Instant.now());
        IssuedToken ingest = secrets.issue("load-ingest", Role.INGEST, UNLIMITED_RATE, Instant.now());
        tokenFile.update(existing -> List.<StoredToken>of(teaching.stored(), clinician.stored(), ingest.stored()));
        ServerSecurity security = new ServerSecurity(TokenVerifier.load(tokenFile), AuditLog.open(workDir.resolve("audit.jsonl")),
                RequestLimits.Settings.defaults(), null);
        TimeLimitedIndex limited = TimeLimitedIndex.forMachine(index, Duration.ofSeconds(10));
        ApiContext context = ApiContext.of(ServerConfig.defaults().withPort(0), limited);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        List<LoadFigures.Phase> phases = new ArrayList<>();
        try (security; limited; ApiServer server = ApiServer.create(context, security).start()) {
            Clients clients = new Clients(http, server.baseUri(), mix, teaching.bearer(), clinician.bearer());
            if (!settings.warmup().isZero()) {
                progress.printf("warming up for %d s ...%n", settings.warmup().toSeconds());
                clients.run(settings.warmup(), null);
            }
            progress.printf("searches only for %d s ...%n", settings.phase().toSeconds());
            phases.add(clients.run(settings.phase(), null).named("searches only"));
            Writer writer = new Writer(http, server.baseUri(), ingest.bearer());
            if (settings.ingestRate() > 0) {
                progress.printf(Locale.ROOT, "searches while ingesting %.0f lesions/s for %d s ...%n", settings.ingestRate(),
                        settings.phase().toSeconds());
                phases.add(clients.run(settings.phase(), writer.at(settings.ingestRate()))
                        .named(String.format(Locale.ROOT, "searches + %.0f lesions/s", settings.ingestRate())));
            }
            progress.printf("searches while ingesting flat out for %d s ...%n", settings.phase().toSeconds());
            phases.add(clients.run(settings.phase(), writer.at(0)).named("searches + flat-out writes"));
        }
        return new LoadFigures(lesions, settings.clients(), Runtime.getRuntime().availableProcessors(), phases);
    }

    /** Ids of indexed lesions with embeddings, spread over the index, for {@code similar:} queries. */
    private List<String> exampleIds(long seed) {
        long n = index.count(Filter.all());
        SplittableRandom random = new SplittableRandom(seed);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int offset = (int) Math.max(0, random.nextLong(Math.max(1, n - 10)));
            for (SearchHit h : index.search(SearchRequest.byFilter(Filter.all(), 10).withPage(10, offset)).hits()) {
                if (h.lesion().embedding() != null) {
                    ids.add(h.lesion().id().value());
                }
            }
        }
        return ids;
    }

    /** The search clients; each phase runs them all until its end. */
    private final class Clients {
        private final HttpClient http;
        private final URI base;
        private final SearchMix mix;
        private final String teaching;
        private final String clinician;

        Clients(HttpClient http, URI base, SearchMix mix, String teaching, String clinician) {
            this.http = http;
            this.base = base;
            this.mix = mix;
            this.teaching = teaching;
            this.clinician = clinician;
        }

        PhaseResult run(Duration length, Writer writer) throws InterruptedException {
            long end = System.nanoTime() + length.toNanos();
            List<LatencyLog> logs = new ArrayList<>();
            AtomicLong serverErrors = new AtomicLong(), clientErrors = new AtomicLong(), failed = new AtomicLong();
            CountDownLatch done = new CountDownLatch(settings.clients());
            long start = System.nanoTime();
            Thread writing = writer == null ? null : Thread.ofPlatform().name("load-writer").start(() -> writer.run(end));
            for (int c = 0; c < settings.clients(); c++) {
                LatencyLog log = new LatencyLog();
                logs.add(log);
                SplittableRandom random = new SplittableRandom(settings.seed() * 31 + c);
                Thread.ofPlatform().name("load-client-" + c).start(() -> {
                    try {
                        while (System.nanoTime() < end) {
                            boolean asTeacher = random.nextBoolean();
                            HttpRequest request = HttpRequest.newBuilder(URI.create(base + mix.next(random, asTeacher)))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Authorization", "Bearer " + (asTeacher ? teaching : clinician)).GET().build();
                            long t0 = System.nanoTime();
                            try {
                                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                                log.add(System.nanoTime() - t0);
                                if (status >= 500) {
                                    serverErrors.incrementAndGet();
                                } else if (status >= 400) {
                                    clientErrors.incrementAndGet();
                                }
                            } catch (IOException e) {
                                failed.incrementAndGet();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
            if (writing != null) {
                writing.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] sorted = LatencyLog.sorted(logs);
            return new PhaseResult(seconds, sorted, serverErrors.get(), clientErrors.get(), failed.get(),
                    writer == null ? 0 : writer.written.get(), writer == null ? 0 : writer.errors.get());
        }
    }

    private record PhaseResult(double seconds, long[] sorted, long serverErrors, long clientErrors, long failed,
            long ingested, long ingestErrors) {
        LoadFigures.Phase named(String name) {
            return new LoadFigures.Phase(name, seconds, sorted.length, sorted.length / seconds,
                    LatencyLog.percentileMs(sorted, 50), LatencyLog.percentileMs(sorted, 90), LatencyLog.percentileMs(sorted, 99),
                    LatencyLog.percentileMs(sorted, 100), serverErrors, clientErrors, failed, ingested, ingested / seconds,
                    ingestErrors);
        }
    }

    /**
     * Posts batches of new lesions until the phase ends, each answered after its commit; at a
     * steady rate, or as fast as they are answered when the rate is 0.
     */
    private final class Writer {
        private final HttpClient http;
        private final URI uri;
        private final String bearer;
        private final Iterator<Lesion> lesions;
        private double rate;
        final AtomicLong written = new AtomicLong();
        final AtomicLong errors = new AtomicLong();

        /** This writer for the next phase, at {@code lesionsPerSecond} (0: flat out), counts reset. */
        Writer at(double lesionsPerSecond) {
            rate = lesionsPerSecond;
            written.set(0);
            errors.set(0);
            return this;
        }

        Writer(HttpClient http, URI base, String bearer) {
            this.http = http;
            this.uri = URI.create(base + "/api/lesions");
            this.bearer = bearer;
            Stream<Lesion> stream = new WorkloadGenerator().stream(Integer.MAX_VALUE, settings.seed() + 1)
                    .map(l -> l.toBuilder().id(LesionId.of("load-" + l.id().value())).patientId("load-" + l.patientId())
                            .studyId("load-" + l.studyId()).build());
            this.lesions = stream.iterator();
        }

        void run(long end) {
            long start = System.nanoTime();
            long sent = 0;
            while (System.nanoTime() < end) {
                if (rate > 0) {
                    long due = start + (long) (sent / rate * 1e9);
                    if (due >= end) {
                        return;
                    }
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(Duration.ofNanos(wait));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
                sent += settings.ingestBatch();
                List<Lesion> batch = new ArrayList<>(settings.ingestBatch());
                for (int i = 0; i < settings.ingestBatch(); i++) {
                    batch.add(lesions.next());
                }
                try {
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(batch))).build();
                    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200) {
                        written.addAndGet(mapper.readTree(answer.body()).path("written").asLong());
                    } else {
                        errors.incrementAndGet();
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
