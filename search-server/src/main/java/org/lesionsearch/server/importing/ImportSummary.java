package org.lesionsearch.server.importing;

import java.util.List;

/**
 * What an import did.
 *
 * @param records non-blank lines read
 * @param imported records written and committed
 * @param rejectedCount records refused
 * @param rejected the first refused records with their reasons (at most the importer's keep limit)
 * @param seconds wall time
 */
public record ImportSummary(long records, long imported, long rejectedCount, List<LineRejection> rejected, double seconds) {

    public ImportSummary {
        rejected = List.copyOf(rejected);
    }

    public double lesionsPerSecond() {
        return seconds <= 0 ? 0 : imported / seconds;
    }
}
