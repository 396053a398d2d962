package org.lesionsearch.indexer.synth.output;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * DICOM UIDs of the synthetic cohort, derived from the cohort seed and the object's keys so the
 * same seed always gives the same UIDs: {@code 2.25.<UUID as an integer>} (PS3.5 B.2).
 */
public final class Uids {

    private final long seed;

    public Uids(long seed) {
        this.seed = seed;
    }

    public String study(int patient, int study) {
        return uid("study", patient, study, 0);
    }

    public String series(int patient, int study) {
        return uid("series", patient, study, 0);
    }

    public String frameOfReference(int patient, int study) {
        return uid("frame", patient, study, 0);
    }

    public String instance(int patient, int study, int slice) {
        return uid("instance", patient, study, slice);
    }

    private String uid(String kind, int patient, int study, int slice) {
        UUID uuid = UUID.nameUUIDFromBytes(("lesion-search synthetic " + kind + " " + seed + " " + patient + " "
                + study + " " + slice).getBytes(StandardCharsets.UTF_8));
        byte[] bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
        return "2.25." + new BigInteger(1, bytes);
    }
}
