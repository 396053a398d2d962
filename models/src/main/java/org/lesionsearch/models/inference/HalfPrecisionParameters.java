package org.lesionsearch.models.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;

/**
 * A block's parameters at half precision, half the size of DJL's float32 files, for shipped
 * weights. The file lists every parameter in the block's order with its name and shape, so a
 * block of another shape is refused. Loading fills an initialised block of the same design.
 */
public final class HalfPrecisionParameters {

    /** Files in this format end with this extension. */
    public static final String EXTENSION = ".f16";
    private static final int MAGIC = 0x4C533136; // "LS16"

    private HalfPrecisionParameters() {
    }

    public static void write(Block block, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(block.getParameters().size());
        for (Pair<String, Parameter> entry : block.getParameters()) {
            NDArray array = entry.getValue().getArray();
            out.writeUTF(entry.getKey());
            long[] shape = array.getShape().getShape();
            out.writeInt(shape.length);
            for (long d : shape) {
                out.writeLong(d);
            }
            for (float v : array.toType(DataType.FLOAT32, false).toFloatArray()) {
                out.writeShort(Float.floatToFloat16(v));
            }
        }
    }

    public static void read(Block block, DataInputStream in, String source) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException(source + ": not a half-precision parameter file");
        }
        int count = in.readInt();
        if (count != block.getParameters().size()) {
            throw new IOException(source + ": holds " + count + " parameters but the network has " + block.getParameters().size());
        }
        for (Pair<String, Parameter> entry : block.getParameters()) {
            String name = in.readUTF();
            NDArray array = entry.getValue().getArray();
            long[] shape = new long[in.readInt()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = in.readLong();
            }
            if (!name.equals(entry.getKey()) || !java.util.Arrays.equals(shape, array.getShape().getShape())) {
                throw new IOException(source + ": parameter " + name + " " + java.util.Arrays.toString(shape)
                        + " does not fit the network's " + entry.getKey() + " " + array.getShape());
            }
            float[] values = new float[Math.toIntExact(array.size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = Float.float16ToFloat(in.readShort());
            }
            array.set(FloatBuffer.wrap(values));
        }
    }

    /** Rounds a block's parameters to half precision in place: it then computes what its saved file will. */
    public static void round(Block block) {
        for (Pair<String, Parameter> entry : block.getParameters()) {
            NDArray array = entry.getValue().getArray();
            float[] values = array.toFloatArray();
            for (int i = 0; i < values.length; i++) {
                values[i] = Float.float16ToFloat(Float.floatToFloat16(values[i]));
            }
            array.set(FloatBuffer.wrap(values));
        }
    }
}
