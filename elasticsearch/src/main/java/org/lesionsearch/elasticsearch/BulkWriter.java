package org.lesionsearch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.elasticsearch.client.ResponseException;
import org.lesionsearch.core.index.IndexException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes documents with bulk requests: a batch is cut into requests of bounded size, at most
 * {@link BulkOptions#maxConcurrentRequests} requests are in flight from this process (further
 * writers wait: back-pressure), and what the cluster turns away as overloaded (HTTP 429, 503, a
 * lost connection) is sent again with exponential backoff. A document the cluster refuses for
 * itself (a mapping error) is reported, and the rest of the batch goes on.
 */
final class BulkWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BulkWriter.class);
    /** The action line and separators of one bulk item, beyond the id and the document. */
    private static final int ITEM_OVERHEAD = 48;

    /** One document to write: its id and its JSON. */
    record Item(String id, byte[] json) {
    }

    private final ElasticsearchClient client;
    private final BulkOptions options;
    private final Semaphore inFlight;

    BulkWriter(ElasticsearchClient client, BulkOptions options) {
        this.client = client;
        this.options = options;
        this.inFlight = new Semaphore(options.maxConcurrentRequests(), true);
    }

    /**
     * Writes every item into {@code index}.
     *
     * @return per item, {@code null} when it was written, else why it was not
     * @throws IndexException when the cluster cannot be reached or stays overloaded after every retry
     */
    String[] write(String index, List<Item> items) {
        String[] failures = new String[items.size()];
        int from = 0;
        while (from < items.size()) {
            int to = from;
            long bytes = 0;
            while (to < items.size() && (to == from || bytes + size(items.get(to)) <= options.maxRequestBytes())) {
                bytes += size(items.get(to));
                to++;
            }
            List<Integer> positions = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                positions.add(i);
            }
            writeChunk(index, items, positions, failures);
            from = to;
        }
        return failures;
    }

    private void writeChunk(String index, List<Item> items, List<Integer> positions, String[] failures) {
        List<Integer> pending = positions;
        for (int attempt = 0; ; attempt++) {
            BulkResponse response;
            try {
                response = send(index, items, pending);
            } catch (ElasticsearchException e) {
                if (!retryable(e.status()) || attempt >= options.maxRetries()) {
                    throw new IndexException("Elasticsearch refused a bulk write of " + pending.size() + " lesions into "
                            + index + " (HTTP " + e.status() + "): " + e.getMessage(), e);
                }
                backOff(attempt, "HTTP " + e.status());
                continue;
            } catch (IOException e) {
                // an HTTP error the client could not read as an Elasticsearch error, or no answer at all
                int status = httpStatus(e);
                String what = status > 0 ? "HTTP " + status : e.getMessage();
                if ((status > 0 && !retryable(status)) || attempt >= options.maxRetries()) {
                    throw new IndexException("a bulk write of " + pending.size() + " lesions into " + index + " failed ("
                            + what + ") after " + (attempt + 1) + " attempts", e);
                }
                backOff(attempt, what);
                continue;
            }
            List<Integer> again = new ArrayList<>();
            List<BulkResponseItem> results = response.items();
            for (int i = 0; i < results.size(); i++) {
                BulkResponseItem result = results.get(i);
                int position = pending.get(i);
                ErrorCause error = result.error();
                if (error == null) {
                    failures[position] = null;
                } else if (retryable(result.status())) {
                    again.add(position);
                    failures[position] = "lesion " + items.get(position).id() + ": Elasticsearch stayed overloaded (HTTP "
                            + result.status() + ") through " + options.maxRetries() + " retries: " + error.reason();
                } else {
                    failures[position] = "lesion " + items.get(position).id() + ": Elasticsearch refused it: " + error.type()
                            + ": " + error.reason();
                }
            }
            if (again.isEmpty() || attempt >= options.maxRetries()) {
                return;
            }
            backOff(attempt, again.size() + " lesions turned away (HTTP 429)");
            pending = again;
        }
    }

    private BulkResponse send(String index, List<Item> items, List<Integer> positions) throws IOException {
        List<BulkOperation> operations = new ArrayList<>(positions.size());
        for (int position : positions) {
            Item item = items.get(position);
            BinaryData document = BinaryData.of(item.json(), ContentType.APPLICATION_JSON);
            operations.add(BulkOperation.of(op -> op.index(ix -> ix.index(index).id(item.id()).document(document))));
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexException("interrupted while waiting to write to Elasticsearch", e);
        }
        try {
            return client.bulk(b -> b.operations(operations));
        } finally {
            inFlight.release();
        }
    }

    /** The HTTP status of a failed request, or -1 when there was no answer. */
    static int httpStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransportException te && te.statusCode() > 0) {
                return te.statusCode();
            }
            if (t instanceof ResponseException re) {
                return re.getResponse().getStatusLine().getStatusCode();
            }
        }
        return -1;
    }

    /** Overloaded or unavailable: worth another try after a pause. */
    private static boolean retryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    private void backOff(int attempt, String why) {
        long millis = options.initialBackoff().toMillis() << Math.min(attempt, 16);
        LOG.warn("Elasticsearch bulk write: {}; retrying in {} ms (retry {} of {})", why, millis, attempt + 1,
                options.maxRetries());
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexException("interrupted while waiting to retry a write to Elasticsearch", e);
        }
    }

    private static long size(Item item) {
        return item.json().length + item.id().length() * 3L + ITEM_OVERHEAD;
    }
}
