package org.lesionsearch.server.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a token may do. Teaching users see de-identified lesions only; clinicians see identified
 * lesions, within-patient matches and tracks; ingest tokens write (for pipelines and PACS pushes)
 * and read nothing identified; admin may do everything.
 */
public enum Role {
    TEACHING(EnumSet.of(Access.AUTHENTICATED, Access.DEIDENTIFIED)),
    CLINICIAN(EnumSet.of(Access.AUTHENTICATED, Access.DEIDENTIFIED, Access.IDENTIFIED)),
    INGEST(EnumSet.of(Access.AUTHENTICATED, Access.WRITE)),
    ADMIN(EnumSet.allOf(Access.class));

    private final Set<Access> allowed;

    Role(Set<Access> allowed) {
        this.allowed = EnumSet.copyOf(allowed);
        this.allowed.add(Access.PUBLIC);
    }

    public boolean allows(Access access) {
        return allowed.contains(access);
    }

    /** Whether every answer this role gets must be de-identified. */
    public boolean deidentifiedOnly() {
        return !allows(Access.IDENTIFIED);
    }

    /** The name used in the token file, on the command line and in the audit log. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the known roles */
    @JsonCreator
    public static Role parse(String text) {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + text + "'; roles are "
                        + Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", "))));
    }
}
