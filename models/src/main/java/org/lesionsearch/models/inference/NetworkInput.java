package org.lesionsearch.models.inference;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.lesionsearch.models.input.LesionPatches;
import org.lesionsearch.models.input.PatchSpec;

/** A batch for one network: one flat array per input scale with its {@code [N, 3, S, S]} shape. */
public record NetworkInput(List<float[]> arrays, List<Shape> shapes) {

    public NetworkInput {
        arrays = List.copyOf(arrays);
        shapes = List.copyOf(shapes);
        if (arrays.size() != shapes.size()) {
            throw new IllegalArgumentException("one shape per array expected");
        }
    }

    /** Stacks the named scales of several lesions' patches, lesion after lesion. */
    public static NetworkInput stack(PatchSpec spec, List<String> scales, List<LesionPatches> lesions) {
        List<float[]> arrays = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        for (String name : scales) {
            int index = spec.scales().indexOf(spec.scale(name)
                    .orElseThrow(() -> new IllegalArgumentException("the input specification has no scale '" + name + "'")));
            int size = spec.scales().get(index).sizePx();
            int per = 3 * size * size;
            float[] flat = new float[lesions.size() * per];
            for (int i = 0; i < lesions.size(); i++) {
                System.arraycopy(lesions.get(i).patches().get(index), 0, flat, i * per, per);
            }
            arrays.add(flat);
            shapes.add(new Shape(lesions.size(), 3, size, size));
        }
        return new NetworkInput(arrays, shapes);
    }

    public NDList toNDList(NDManager manager) {
        NDList list = new NDList();
        for (int i = 0; i < arrays.size(); i++) {
            list.add(manager.create(arrays.get(i), shapes.get(i)));
        }
        return list;
    }
}
