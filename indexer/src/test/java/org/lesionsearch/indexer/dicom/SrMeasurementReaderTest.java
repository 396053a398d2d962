package org.lesionsearch.indexer.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SrMeasurementReaderTest {

    @TempDir
    Path tmp;

    private final DicomReader reader = new DicomReader();

    @Test
    void readsLongAndShortAxesOnTheirImageFromATid1500Report() throws Exception {
        Path sr = new Tid1500Fixture()
                .group(Tid1500Fixture.Num.longAxis(21.5, "1.2.3.4", 100.5f, 200.5f, 130.5f, 200.5f),
                        Tid1500Fixture.Num.shortAxis(12.25, "1.2.3.4", 115.5f, 192.5f, 115.5f, 208.5f))
                .group(Tid1500Fixture.Num.length("1.8", "cm", "1.2.3.5", 10.5f, 10.5f, 10.5f, 30.5f),
                        Tid1500Fixture.Num.length("0.9", "cm", "1.2.3.5", 5.5f, 20.5f, 15.5f, 20.5f))
                .write(tmp.resolve("sr.dcm"), "1.2.3", "1.2.3.9", "1.2.3.10");
        DicomInstance header = reader.readInstance(DicomData.of(sr));
        assertThat(header.isStructuredReport()).isTrue();
        SrMeasurementReader.Contents c = new SrMeasurementReader().read(reader.readAll(DicomData.of(sr)), "sr.dcm");
        assertThat(c.errors()).isEmpty();
        assertThat(c.measurements()).hasSize(2);
        Measurement first = c.measurements().get(0);
        assertThat(first.sopInstanceUid()).isEqualTo("1.2.3.4");
        assertThat(first.longAxisMm()).isEqualTo(21.5);
        assertThat(first.shortAxisMm()).isEqualTo(12.25);
        // SR puts pixel centres at .5, DeepLesion at integers
        assertThat(first.endpointsPx()).containsExactly(100, 200, 130, 200, 115, 192, 115, 208);
        assertThat(first.origin()).isEqualTo("sr.dcm measurement group 1");
        Measurement second = c.measurements().get(1);
        assertThat(second.sopInstanceUid()).isEqualTo("1.2.3.5");
        assertThat(second.longAxisMm()).isEqualTo(18.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(second.shortAxisMm()).isEqualTo(9.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(second.endpointsPx()).containsExactly(10, 10, 10, 30, 5, 20, 15, 20);
    }

    @Test
    void aGroupWithoutAnImageOrPolylineIsReportedAndTheOthersAreRead() throws Exception {
        Path sr = new Tid1500Fixture()
                .group(new Tid1500Fixture.Num("103339001", "SCT", "Long Axis", "20", "mm", null, null))
                .group(Tid1500Fixture.Num.longAxis(8, "1.2.3.4", 1.5f, 1.5f, 9.5f, 1.5f))
                .group(Tid1500Fixture.Num.length("3", "ml", "1.2.3.4", 1.5f, 1.5f, 9.5f, 1.5f))
                .write(tmp.resolve("partial.dcm"), "1.2.3", "1.2.3.9", "1.2.3.11");
        SrMeasurementReader.Contents c = new SrMeasurementReader().read(reader.readAll(DicomData.of(sr)), "partial.dcm");
        assertThat(c.measurements()).singleElement().satisfies(m -> {
            assertThat(m.longAxisMm()).isEqualTo(8.0);
            assertThat(m.shortAxisMm()).isNull();
            assertThat(m.endpointsPx()).hasSize(4);
        });
        assertThat(c.errors()).containsExactly(
                "partial.dcm measurement group 1: the long axis has no POLYLINE of two points on an image",
                "partial.dcm measurement group 3: length in unit 'ml' is not a length unit");
    }
}
