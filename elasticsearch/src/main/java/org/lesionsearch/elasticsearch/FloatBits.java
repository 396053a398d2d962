package org.lesionsearch.elasticsearch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * Float arrays as base64 of their IEEE 754 bits (big-endian), for {@code binary} fields: the exact
 * floats come back, in a third of the bytes of decimal text and without parsing numbers.
 */
final class FloatBits {

    private FloatBits() {
    }

    static String encode(float[] values) {
        if (values == null) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.BIG_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    /** @throws IllegalArgumentException when the text is not base64 of whole floats */
    static float[] decode(String base64) {
        if (base64 == null) {
            return null;
        }
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("stored float array has " + bytes.length + " bytes, not a multiple of 4");
        }
        float[] out = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
