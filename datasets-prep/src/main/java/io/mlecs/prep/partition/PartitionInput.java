package io.mlecs.prep.partition;

/**
 * What the partitioner needs to know about one sample.
 *
 * @param sampleId unique id
 * @param groupId its group (sequence / clip)
 * @param availableMask modalities the source has for it (bit i = modality i)
 */
public record PartitionInput(String sampleId, String groupId, int availableMask) {}
