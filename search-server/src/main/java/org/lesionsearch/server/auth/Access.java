package org.lesionsearch.server.auth;

/** What a route gives access to, from nothing sensitive to writes; {@link Role} says who may have it. */
public enum Access {
    /** No token needed: health, the API description, the page itself. */
    PUBLIC,
    /** Any valid token: reference data such as the label vocabulary. */
    AUTHENTICATED,
    /** Lesions without identifiers: ids become pseudonyms, dates and study ids are left out. */
    DEIDENTIFIED,
    /** Identified patient data: patient ids, study dates, within-patient matching and tracks. */
    IDENTIFIED,
    /** Writes: upserts, deletes and DICOM pushes. */
    WRITE,
    /** Anything else, including routes nobody classified yet (they stay closed until someone does). */
    ADMIN
}
