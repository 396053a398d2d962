package org.lesionsearch.server.cli;

import java.util.Locale;

/** Recognises a failure caused by a full disk or a file size limit, which the operator fixes by freeing space. */
final class StorageFull {

    private static final String[] SIGNS = {"no space left on device", "file too large", "disk quota exceeded"};

    private StorageFull() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            for (String sign : SIGNS) {
                if (message.contains(sign)) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
