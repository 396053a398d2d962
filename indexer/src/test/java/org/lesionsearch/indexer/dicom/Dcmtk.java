package org.lesionsearch.indexer.dicom;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The dcmtk command-line tools, an independent DICOM implementation to transcode and dump with. */
final class Dcmtk {

    private Dcmtk() {
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dcmconv")),
                "dcmtk is not installed (apt-get install dcmtk): transfer-syntax tests skipped");
    }

    static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    /** The stored pixel values as dcmtk reads them (16-bit little endian, signed). */
    static short[] rawPixels(Path dicom, Path workDir) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(workDir, "raw");
        run("dcmdump", "+W", dir.toString(), dicom.toString());
        List<Path> raws = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(f -> f.toString().endsWith(".raw")).forEach(raws::add);
        }
        byte[] b = Files.readAllBytes(raws.getFirst());
        short[] v = new short[b.length / 2];
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(v);
        return v;
    }
}
