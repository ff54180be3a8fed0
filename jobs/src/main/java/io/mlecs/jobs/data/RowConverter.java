package io.mlecs.jobs.data;

import io.mlecs.core.data.DatasetSpec;
import io.mlecs.core.data.HashedTextFeaturizer;
import io.mlecs.core.data.Modality;
import io.mlecs.core.data.Sample;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import scala.collection.JavaConverters;

/**
 * One prepared Parquet row to a core {@link Sample}: vector modalities from the {@code features}
 * map, text modalities from {@code texts} through the hashed featurizer, in the manifest's
 * modality order. Dimension mismatches name the sample and the modality.
 */
final class RowConverter implements Serializable {
  private static final long serialVersionUID = 1L;
  private final DatasetSpec spec;
  private final List<String> textModalities;
  private final int textDim;

  RowConverter(DatasetSpec spec, List<String> textModalities, int textDim) {
    this.spec = spec;
    this.textModalities = List.copyOf(textModalities);
    this.textDim = textDim;
  }

  Sample convert(Row row) {
    String id = row.getAs("sample_id");
    Map<String, scala.collection.Seq<Object>> feats = row.isNullAt(row.fieldIndex("features"))
        ? Map.of() : JavaConverters.mapAsJavaMap(row.<scala.collection.Map<String,
            scala.collection.Seq<Object>>>getAs("features"));
    Map<String, String> texts = row.isNullAt(row.fieldIndex("texts")) ? Map.of()
        : JavaConverters.mapAsJavaMap(row.<scala.collection.Map<String, String>>getAs("texts"));
    HashedTextFeaturizer text = new HashedTextFeaturizer(textDim);
    float[][] f = new float[spec.numModalities()][];
    for (int m = 0; m < f.length; m++) {
      Modality mod = spec.modalities().get(m);
      if (textModalities.contains(mod.name())) {
        String t = texts.get(mod.name());
        f[m] = t == null ? null : text.featurize(t);
        continue;
      }
      scala.collection.Seq<Object> v = feats.get(mod.name());
      if (v == null) {
        continue;
      }
      if (v.size() != mod.dim()) {
        throw new IllegalArgumentException("sample " + id + ": modality '" + mod.name()
            + "' has " + v.size() + " values, the manifest says " + mod.dim());
      }
      float[] a = new float[v.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = ((Number) v.apply(i)).floatValue();
      }
      f[m] = a;
    }
    Object label = row.getAs("label");
    return new Sample(id, row.getAs("group_id"), f, row.getAs("target_text"),
        label == null ? -1 : ((Number) label).intValue());
  }
}
