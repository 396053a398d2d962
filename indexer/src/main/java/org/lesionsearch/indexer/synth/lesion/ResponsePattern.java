package org.lesionsearch.indexer.synth.lesion;

/** How a lesion's size develops from study to study. */
public enum ResponsePattern {
    STABLE, GROWING, SHRINKING, RESOLVING
}
