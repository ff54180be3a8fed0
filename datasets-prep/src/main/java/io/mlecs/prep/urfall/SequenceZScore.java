package io.mlecs.prep.urfall;

import io.mlecs.prep.source.RawSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Optional per-sequence z-scoring ({@code --zscore}): within each group, every dimension of every vector
 * modality becomes (x - mean) / std over the group's rows that have the modality (population std; a dimension
 * with std below 1e-9 becomes 0). Statistics use all rows of the sequence, so under {@code --split-unit sample}
 * test rows contribute to the statistics of their own sequence.
 */
public final class SequenceZScore {
  private static final double MIN_STD = 1e-9;

  private SequenceZScore() {}

  /** Returns new samples in the same order. */
  public static List<RawSample> apply(List<RawSample> samples) {
    Map<String, List<Integer>> byGroup = new TreeMap<>();
    for (int i = 0; i < samples.size(); i++) {
      byGroup.computeIfAbsent(samples.get(i).groupId(), k -> new ArrayList<>()).add(i);
    }
    List<Map<String, float[]>> scaled = new ArrayList<>();
    for (RawSample s : samples) {
      scaled.add(new LinkedHashMap<>(s.features()));
    }
    for (List<Integer> rows : byGroup.values()) {
      Map<String, List<Integer>> byModality = new TreeMap<>();
      for (int i : rows) {
        for (String m : samples.get(i).features().keySet()) {
          byModality.computeIfAbsent(m, k -> new ArrayList<>()).add(i);
        }
      }
      byModality.forEach((m, having) -> scale(samples, scaled, m, having));
    }
    List<RawSample> out = new ArrayList<>(samples.size());
    for (int i = 0; i < samples.size(); i++) {
      out.add(samples.get(i).withFeatures(scaled.get(i)));
    }
    return out;
  }

  private static void scale(List<RawSample> samples, List<Map<String, float[]>> scaled, String m, List<Integer> rows) {
    int dim = samples.get(rows.get(0)).features().get(m).length;
    double[] mean = new double[dim];
    double[] sq = new double[dim];
    for (int i : rows) {
      float[] v = samples.get(i).features().get(m);
      for (int d = 0; d < dim; d++) {
        mean[d] += v[d];
      }
    }
    for (int d = 0; d < dim; d++) {
      mean[d] /= rows.size();
    }
    for (int i : rows) {
      float[] v = samples.get(i).features().get(m);
      for (int d = 0; d < dim; d++) {
        sq[d] += (v[d] - mean[d]) * (v[d] - mean[d]);
      }
    }
    for (int i : rows) {
      float[] v = samples.get(i).features().get(m);
      float[] z = new float[dim];
      for (int d = 0; d < dim; d++) {
        double std = Math.sqrt(sq[d] / rows.size());
        z[d] = std < MIN_STD ? 0f : (float) ((v[d] - mean[d]) / std);
      }
      scaled.get(i).put(m, z);
    }
  }
}
