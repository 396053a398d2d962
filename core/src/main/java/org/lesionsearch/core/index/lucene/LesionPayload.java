package org.lesionsearch.core.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.lesionsearch.core.lesion.BodyLocation;
import org.lesionsearch.core.lesion.BoundingBox;
import org.lesionsearch.core.lesion.CoarseType;
import org.lesionsearch.core.lesion.Lesion;
import org.lesionsearch.core.lesion.ModelInfo;
import org.lesionsearch.core.lesion.Recist;
import org.lesionsearch.core.lesion.Sex;
import org.lesionsearch.core.lesion.Spacing;

/**
 * A lesion record, less its embedding (which lives in the vector field), as compact bytes.
 * Numbers keep their exact bits so that a lesion read back equals the one written.
 */
final class LesionPayload {

    /** Bumped whenever the layout changes; older payloads are refused with a re-index hint. */
    static final int VERSION = 1;

    private LesionPayload() {
    }

    static byte[] encode(Lesion lesion) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput(512);
        try {
            out.writeVInt(VERSION);
            out.writeString(lesion.id().value());
            out.writeString(lesion.patientId());
            out.writeString(lesion.studyId());
            optionalString(out, lesion.seriesId());
            optionalInt(out, lesion.keySlice());
            out.writeByte((byte) (lesion.studyDate() == null ? 0 : 1));
            if (lesion.studyDate() != null) {
                out.writeZLong(lesion.studyDate().toEpochDay());
            }
            optionalInt(out, lesion.patientAge());
            out.writeByte((byte) lesion.sex().ordinal());
            Recist recist = lesion.recist();
            out.writeByte((byte) (recist == null ? 0 : recist.endpointsPx() == null ? 1 : 2));
            if (recist != null) {
                doubles(out, recist.longAxisMm(), recist.shortAxisMm());
                if (recist.endpointsPx() != null) {
                    out.writeVInt(recist.endpointsPx().length);
                    doubles(out, recist.endpointsPx());
                }
            }
            BoundingBox box = lesion.boundingBox();
            out.writeByte((byte) (box == null ? 0 : 1));
            if (box != null) {
                doubles(out, box.x1(), box.y1(), box.x2(), box.y2());
            }
            Spacing spacing = lesion.spacing();
            out.writeByte((byte) (spacing == null ? 0 : 1));
            if (spacing != null) {
                doubles(out, spacing.x(), spacing.y(), spacing.z());
            }
            BodyLocation location = lesion.location();
            out.writeByte((byte) (location == null ? 0 : 1));
            if (location != null) {
                doubles(out, location.x(), location.y(), location.z());
            }
            out.writeString(lesion.coarseType().name());
            float[] scores = lesion.labelScores();
            out.writeVInt(scores == null ? 0 : scores.length + 1);
            if (scores != null) {
                for (float s : scores) {
                    out.writeInt(Float.floatToRawIntBits(s));
                }
            }
            strings(out, lesion.labels());
            strings(out, lesion.reportLabels());
            out.writeByte((byte) (lesion.model() == null ? 0 : 1));
            if (lesion.model() != null) {
                out.writeString(lesion.model().name());
                out.writeString(lesion.model().version());
            }
            optionalString(out, lesion.thumbnail());
            optionalString(out, lesion.source());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toArrayCopy();
    }

    /** @param embedding the lesion's embedding from the vector field, or {@code null} */
    static Lesion decode(BytesRef bytes, float[] embedding) {
        try {
            return read(new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length), embedding);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Lesion read(ByteArrayDataInput in, float[] embedding) throws IOException {
        int version = in.readVInt();
        if (version != VERSION) {
            throw new IllegalStateException("stored lesion has layout version " + version + " but this build reads "
                    + VERSION + "; re-index from the sources");
        }
        Lesion.Builder b = Lesion.builder(in.readString());
        b.patientId(in.readString()).studyId(in.readString()).seriesId(optionalString(in)).keySlice(optionalInt(in));
        if (in.readByte() == 1) {
            b.studyDate(LocalDate.ofEpochDay(in.readZLong()));
        }
        b.patientAge(optionalInt(in)).sex(Sex.values()[in.readByte()]);
        byte recist = in.readByte();
        if (recist != 0) {
            double longAxis = readDouble(in), shortAxis = readDouble(in);
            double[] endpoints = null;
            if (recist == 2) {
                endpoints = new double[in.readVInt()];
                for (int i = 0; i < endpoints.length; i++) {
                    endpoints[i] = readDouble(in);
                }
            }
            b.recist(new Recist(longAxis, shortAxis, endpoints));
        }
        if (in.readByte() == 1) {
            b.boundingBox(new BoundingBox(readDouble(in), readDouble(in), readDouble(in), readDouble(in)));
        }
        if (in.readByte() == 1) {
            b.spacing(new Spacing(readDouble(in), readDouble(in), readDouble(in)));
        }
        if (in.readByte() == 1) {
            b.location(new BodyLocation(readDouble(in), readDouble(in), readDouble(in)));
        }
        b.coarseType(CoarseType.valueOf(in.readString()));
        int scores = in.readVInt();
        if (scores > 0) {
            float[] s = new float[scores - 1];
            for (int i = 0; i < s.length; i++) {
                s[i] = Float.intBitsToFloat(in.readInt());
            }
            b.labelScores(s);
        }
        b.labels(strings(in)).reportLabels(strings(in));
        if (in.readByte() == 1) {
            b.model(new ModelInfo(in.readString(), in.readString()));
        }
        return b.thumbnail(optionalString(in)).source(optionalString(in)).embedding(embedding).build();
    }

    private static void doubles(ByteBuffersDataOutput out, double... values) throws IOException {
        for (double v : values) {
            out.writeLong(Double.doubleToRawLongBits(v));
        }
    }

    private static double readDouble(ByteArrayDataInput in) throws IOException {
        return Double.longBitsToDouble(in.readLong());
    }

    private static void optionalString(ByteBuffersDataOutput out, String value) throws IOException {
        out.writeByte((byte) (value == null ? 0 : 1));
        if (value != null) {
            out.writeString(value);
        }
    }

    private static String optionalString(ByteArrayDataInput in) throws IOException {
        return in.readByte() == 0 ? null : in.readString();
    }

    private static void optionalInt(ByteBuffersDataOutput out, Integer value) throws IOException {
        out.writeByte((byte) (value == null ? 0 : 1));
        if (value != null) {
            out.writeZInt(value);
        }
    }

    private static Integer optionalInt(ByteArrayDataInput in) throws IOException {
        return in.readByte() == 0 ? null : in.readZInt();
    }

    private static void strings(ByteBuffersDataOutput out, Set<String> values) throws IOException {
        out.writeVInt(values.size());
        for (String v : values) {
            out.writeString(v);
        }
    }

    private static Set<String> strings(ByteArrayDataInput in) throws IOException {
        int n = in.readVInt();
        Set<String> out = new LinkedHashSet<>(n * 2);
        for (int i = 0; i < n; i++) {
            out.add(in.readString());
        }
        return out;
    }
}
