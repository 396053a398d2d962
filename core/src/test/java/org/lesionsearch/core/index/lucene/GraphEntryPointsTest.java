package org.lesionsearch.core.index.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphEntryPointsTest {

    private static final int DIM = 1024, PER_CLUSTER = 400;

    @TempDir
    Path dir;

    /** Documents 0..399 lie around one centre, 400..799 around an orthogonal one. */
    private Directory twoClusters() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        Directory directory = FSDirectory.open(dir);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int cluster = 0; cluster < 2; cluster++) {
                for (int i = 0; i < PER_CLUSTER; i++) {
                    Document doc = new Document();
                    doc.add(new KnnFloatVectorField(LesionFields.EMBEDDING, point(cluster, random), VectorSimilarityFunction.DOT_PRODUCT));
                    writer.addDocument(doc);
                }
            }
            writer.forceMerge(1);
        }
        return directory;
    }

    private static float[] point(int cluster, SplittableRandom random) {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) (0.05 * random.nextGaussian());
        }
        for (int i = cluster * DIM / 2; i < (cluster + 1) * DIM / 2; i++) {
            v[i] += 0.1f;
        }
        return VectorUtil.l2normalize(v);
    }

    @Test
    void entryPointsLieInTheQuerysClusterAndPassTheFilter() throws Exception {
        GraphEntryPoints entryPoints = new GraphEntryPoints(DIM);
        try (Directory directory = twoClusters(); DirectoryReader reader = DirectoryReader.open(directory)) {
            LeafReaderContext leaf = reader.leaves().getFirst();
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(LesionFields.EMBEDDING);
            float[] query = point(1, new SplittableRandom(99));

            int[] all = entryPoints.forQuery(new LeafMatches(leaf, null, -1, 2 * PER_CLUSTER), vectors, query);
            assertThat(all).hasSize(GraphEntryPoints.ENTRY_POINTS).isSorted();
            assertThat(IntStream.of(all).boxed()).allSatisfy(doc -> assertThat(doc).isGreaterThanOrEqualTo(PER_CLUSTER));

            FixedBitSet odd = new FixedBitSet(2 * PER_CLUSTER);
            for (int doc = 1; doc < 2 * PER_CLUSTER; doc += 2) {
                odd.set(doc);
            }
            int[] filtered = entryPoints.forQuery(new LeafMatches(leaf, odd, -1, PER_CLUSTER), vectors, query);
            assertThat(filtered).isNotEmpty();
            assertThat(IntStream.of(filtered).boxed()).allSatisfy(doc -> assertThat(doc % 2).isEqualTo(1))
                    .allSatisfy(doc -> assertThat(doc).isGreaterThanOrEqualTo(PER_CLUSTER));

            int[] none = entryPoints.forQuery(new LeafMatches(leaf, new FixedBitSet(2 * PER_CLUSTER), -1, 0), vectors, query);
            assertThat(none).isEmpty();
            assertThat(entryPoints.sampledSegments()).isEqualTo(1);
        }
        assertThat(entryPoints.sampledSegments()).as("the sample goes with its segment").isZero();
    }

    @Test
    void aSearcherWarmsOnlySegmentsLargeEnoughForTheGraph() throws Exception {
        try (Directory directory = twoClusters(); DirectoryReader reader = DirectoryReader.open(directory)) {
            GraphEntryPoints small = new GraphEntryPoints(DIM);
            small.warm(reader, 2 * PER_CLUSTER);
            assertThat(small.sampledSegments()).isZero();
            GraphEntryPoints large = new GraphEntryPoints(DIM);
            large.warm(reader, PER_CLUSTER);
            large.warm(reader, PER_CLUSTER);
            assertThat(large.sampledSegments()).isEqualTo(1);
        }
    }

    @Test
    void vectorsOfAnotherLengthGetNoEntryPoints() throws Exception {
        try (Directory directory = twoClusters(); DirectoryReader reader = DirectoryReader.open(directory)) {
            LeafReaderContext leaf = reader.leaves().getFirst();
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(LesionFields.EMBEDDING);
            GraphEntryPoints other = new GraphEntryPoints(DIM / 2);
            assertThat(other.forQuery(new LeafMatches(leaf, null, -1, 2 * PER_CLUSTER), vectors, new float[DIM / 2])).isEmpty();
        }
    }
}
