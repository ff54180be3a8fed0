package io.mlecs.prep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlecs.prep.output.AtomicOutput;
import io.mlecs.prep.output.ManifestBuilder;
import io.mlecs.prep.output.PreparedDatasetWriter;
import io.mlecs.prep.output.PreparedRows;
import io.mlecs.prep.output.PreparedSchema;
import io.mlecs.prep.partition.PartitionInput;
import io.mlecs.prep.partition.PartitionResult;
import io.mlecs.prep.partition.Partitioner;
import io.mlecs.prep.source.BadRows;
import io.mlecs.prep.source.RawSample;
import io.mlecs.prep.source.SourceDataset;
import io.mlecs.prep.urfall.UrFallReader;
import io.mlecs.prep.vast.VastReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** One prep run: read the raw dataset, partition it, write Parquet and the manifest. */
public final class PrepPipeline {
  private PrepPipeline() {}

  /** Reads the source as the options say (pure Java). */
  public static SourceDataset read(PrepOptions o) {
    BadRows bad = new BadRows(o.skipBadRows());
    return o.dataset() == DatasetKind.URFALL
        ? UrFallReader.read(o.input(), o.zscore(), bad)
        : VastReader.read(o.input(), o.annotations(), o.subsetSize(), o.subsetSeed(), bad);
  }

  /** Partitions the samples (pure Java). */
  public static PartitionResult partition(SourceDataset src, PrepOptions o) {
    List<PartitionInput> inputs = new ArrayList<>(src.samples().size());
    for (RawSample s : src.samples()) {
      inputs.add(new PartitionInput(s.sampleId(), s.groupId(), s.availableMask(src.modalities())));
    }
    return Partitioner.partition(inputs, o.partitionConfig());
  }

  public static PrepSummary run(PrepOptions o, SparkSession spark) {
    AtomicOutput.checkTarget(o.output().toAbsolutePath().normalize(), o.overwrite(), PreparedSchema.MANIFEST);
    SourceDataset src = read(o);
    PartitionResult part = partition(src, o);
    ObjectNode manifest = ManifestBuilder.build(src, part, o.partitionConfig(), o.zscore(), o.asMap());
    PreparedDatasetWriter.write(spark, PreparedRows.of(src, part.assignments()), manifest, o.output(), o.overwrite());
    return new PrepSummary(o.output(), src.samples().size(), manifest);
  }
}
