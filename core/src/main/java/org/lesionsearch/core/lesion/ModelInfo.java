package org.lesionsearch.core.lesion;

/** The model that produced a lesion's embedding and predicted labels. */
public record ModelInfo(String name, String version) {

    public ModelInfo {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("model name is missing");
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("model version is missing");
        }
    }

    @Override
    public String toString() {
        return name + "@" + version;
    }
}
