package org.lesionsearch.elasticsearch;

/**
 * Memory of the Elasticsearch nodes, summed over the cluster.
 *
 * @param heapUsedBytes Java heap in use now (not after a collection)
 * @param heapMaxBytes the nodes' maximum heap
 * @param residentBytes resident set of the node processes read from {@code /proc}, or -1 when a
 *     node does not run on this machine
 */
public record ServerMemory(long heapUsedBytes, long heapMaxBytes, long residentBytes) {
}
