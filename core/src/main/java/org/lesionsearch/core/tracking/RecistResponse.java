package org.lesionsearch.core.tracking;

/** RECIST 1.1 response of the target lesions at a follow-up. */
public enum RecistResponse {
    /** Complete response: every target lesion gone (lymph nodes below 10 mm short axis). */
    CR,
    /** Partial response: sum of diameters at least 30% below baseline. */
    PR,
    /** Stable disease: neither of the others. */
    SD,
    /** Progressive disease: sum at least 20% and 5 mm above its smallest so far, or a new lesion. */
    PD,
    /** Not evaluable: no measurable target lesion at baseline and no new lesion. */
    NE
}
