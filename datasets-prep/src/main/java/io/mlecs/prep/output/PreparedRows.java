package io.mlecs.prep.output;

import io.mlecs.prep.partition.Assignment;
import io.mlecs.prep.source.ModalityKind;
import io.mlecs.prep.source.ModalitySpec;
import io.mlecs.prep.source.RawSample;
import io.mlecs.prep.source.SourceDataset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Turns samples and their assignments into Spark rows of {@link PreparedSchema}: only the modalities in the
 * row's presence mask are written, maps are key-sorted, rows are sorted by (device_id, sample_id).
 */
public final class PreparedRows {
  private PreparedRows() {}

  public static List<Row> of(SourceDataset src, List<Assignment> assignments) {
    List<ModalitySpec> mods = src.modalities();
    List<Row> rows = new ArrayList<>(src.samples().size());
    List<long[]> keys = new ArrayList<>();
    for (int i = 0; i < src.samples().size(); i++) {
      RawSample s = src.samples().get(i);
      Assignment a = assignments.get(i);
      Map<String, float[]> features = new TreeMap<>();
      Map<String, String> texts = new TreeMap<>();
      for (int m = 0; m < mods.size(); m++) {
        if ((a.presenceMask() & (1 << m)) == 0) {
          continue;
        }
        String name = mods.get(m).name();
        if (mods.get(m).kind() == ModalityKind.VECTOR) {
          features.put(name, s.features().get(name));
        } else {
          texts.put(name, s.texts().get(name));
        }
      }
      rows.add(
          RowFactory.create(
              s.sampleId(), s.groupId(), src.dataset(), a.role(), a.deviceId(), a.split(), features, texts,
              a.presenceMask(), s.targetText(), s.label()));
      keys.add(new long[] {a.deviceId(), i});
    }
    List<Row> sorted = new ArrayList<>(rows.size());
    keys.sort(
        Comparator.<long[]>comparingLong(k -> k[0])
            .thenComparing(k -> src.samples().get((int) k[1]).sampleId()));
    for (long[] k : keys) {
      sorted.add(rows.get((int) k[1]));
    }
    return sorted;
  }
}
