package org.lesionsearch.indexer.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile STOW-RS requests: a real two-instance multipart body with bytes changed and cut at
 * random (boundaries, part headers and DICOM alike), and bodies that never end. The receiver
 * answers per instance or refuses the request with a status; it never leaves a staged file behind
 * and never reads past its limit.
 */
class StowReceiverFuzzTest {

    private static Path dir;
    private static byte[] body;
    private static String contentType;

    @BeforeContainer
    static void prepare() throws IOException {
        dir = Files.createTempDirectory("stow-fuzz");
        MultipartBody multipart = MultipartBody.dicom().add(DicomTestFiles.ctSmall()).add(DicomTestFiles.ctSmall());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        multipart.writeTo(out);
        body = out.toByteArray();
        contentType = multipart.contentType().format();
    }

    @AfterContainer
    static void clean() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Property(tries = 250)
    void damagedRequestsAreAnsweredOrRefusedWithAStatus(@ForAll("damage") List<int[]> changes, @ForAll boolean truncate,
            @ForAll("fraction") double keep) throws IOException {
        byte[] damaged = body.clone();
        for (int[] c : changes) {
            damaged[Math.floorMod(c[0], damaged.length)] = (byte) c[1];
        }
        if (truncate) {
            damaged = Arrays.copyOf(damaged, (int) (damaged.length * keep));
        }
        DicomInstanceStore inbox = new DicomInstanceStore(dir.resolve("inbox"));
        StowReceiver receiver = new StowReceiver(inbox, 10_000_000);
        try {
            StowResponse answer = receiver.receive(new ByteArrayInputStream(damaged), contentType, damaged.length, null);
            assertThat(answer.httpStatus()).isIn(200, 202, 409);
            assertThat(answer.stored().size() + answer.failed().size()).isPositive();
        } catch (StowReceiver.StowRequestException refused) {
            assertThat(refused.status()).isBetween(400, 499);
            assertThat(refused.getMessage()).isNotBlank();
        }
        assertThat(staged(inbox)).isEmpty();
    }

    @Example
    void anEndlessBodyIsCutAtTheLimit() throws IOException {
        DicomInstanceStore inbox = new DicomInstanceStore(dir.resolve("endless"));
        StowReceiver receiver = new StowReceiver(inbox, 1_000_000);
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                return 'A';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 'A');
                served += len;
                return len;
            }
        };
        String head = "--" + contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1") + "\r\nContent-Type: application/dicom\r\n\r\n";
        InputStream request = new java.io.SequenceInputStream(new ByteArrayInputStream(head.getBytes()), endless);
        try {
            receiver.receive(request, contentType, -1, null);
            throw new AssertionError("an endless body was accepted");
        } catch (StowReceiver.StowRequestException refused) {
            assertThat(refused.status()).isEqualTo(413);
        }
        assertThat(staged(inbox)).isEmpty();
    }

    private static List<Path> staged(DicomInstanceStore inbox) throws IOException {
        try (Stream<Path> files = Files.walk(inbox.root())) {
            return files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".dcm")).toList();
        }
    }

    @Provide
    Arbitrary<List<int[]>> damage() {
        return Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(0, 255))
                .as((at, value) -> new int[] {at, value}).list().ofMinSize(1).ofMaxSize(16);
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1);
    }
}
