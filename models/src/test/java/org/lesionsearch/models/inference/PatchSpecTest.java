package org.lesionsearch.models.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lesionsearch.core.ontology.LabelVocabulary;
import org.lesionsearch.models.input.LesionPatches;
import org.lesionsearch.models.ssbr.ZCalibration;

class PatchSpecTest {

    @Test
    void fingerprintFollowsTheSpecification() {
        assertThat(Architecture.slim().input().fingerprint()).isEqualTo(Architecture.withWidth(0.5, 32).input().fingerprint());
        assertThat(Architecture.slim().input().fingerprint()).isNotEqualTo(Architecture.withWidth(0.125, 48).input().fingerprint());
        assertThat(Architecture.slim().input().fingerprint()).hasSize(8);
    }

    @Test
    void problemsNameTheLesionAndTheScale() {
        var spec = Architecture.slim().input();
        var wrong = new LesionPatches("x1", List.of(new float[3 * 32 * 32], new float[10], new float[3 * 32 * 32]), true);
        assertThat(spec.problemWith(wrong)).hasValueSatisfying(p -> assertThat(p).contains("x1").contains("'context'").contains("10"));
        var right = new LesionPatches("x2", List.of(new float[3 * 32 * 32], new float[3 * 32 * 32], new float[3 * 32 * 32]), true);
        assertThat(spec.problemWith(right)).isEmpty();
    }

    @Test
    void manifestSurvivesJson() throws Exception {
        Architecture a = Architecture.slim();
        ModelManifest m = new ModelManifest("n", "v", "data", a.input(), a.embedder(), a.labeler(), a.ssbr(),
                LabelVocabulary.lesaNet171().terms(), new float[171], new ZCalibration(0.2, 0.1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ManifestJson.write(m, out);
        ModelManifest back = ManifestJson.read(new ByteArrayInputStream(out.toByteArray()), "memory");
        assertThat(back.input().fingerprint()).isEqualTo(a.input().fingerprint());
        assertThat(back.embedder()).isEqualTo(a.embedder());
        assertThat(back.zCalibration()).isEqualTo(m.zCalibration());
        assertThat(back.labels()).hasSize(171);
    }
}
