package org.lesionsearch.models.inference;

/** How a network's weights are stored in a model bundle. */
public enum NetworkFormat {
    /** DJL parameters of one of this project's blocks. */
    DJL,
    /** A TorchScript module trained elsewhere, run as is. */
    TORCHSCRIPT
}
