package io.mlecs.prep.sample;

import io.mlecs.prep.source.RawSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How well simple per-modality classifiers recover a sample's latent class, alone and fused by summing their
 * scores: vectors get a {@link LinearDiscriminant}, text a multinomial naive Bayes over words. Trains on
 * even-indexed samples, tests on odd ones.
 */
final class LearnabilityProbe {
  private final List<RawSample> samples;
  private final Function<RawSample, Integer> label;
  private final int classes;

  LearnabilityProbe(List<RawSample> samples, Function<RawSample, Integer> label, int classes) {
    this.samples = samples;
    this.label = label;
    this.classes = classes;
  }

  double accuracy(List<String> modalities) {
    List<RawSample> train = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    for (int i = 0; i < samples.size(); i += 2) {
      train.add(samples.get(i));
      y.add(label.apply(samples.get(i)));
    }
    List<Function<RawSample, double[]>> scorers = new ArrayList<>();
    for (String m : modalities) {
      scorers.add(train.get(0).features().containsKey(m) ? vector(m, train, y) : text(m, train, y));
    }
    int right = 0;
    int total = 0;
    for (int i = 1; i < samples.size(); i += 2) {
      double[] score = new double[classes];
      for (Function<RawSample, double[]> s : scorers) {
        double[] v = s.apply(samples.get(i));
        for (int c = 0; c < classes; c++) {
          score[c] += v[c];
        }
      }
      int best = 0;
      for (int c = 1; c < classes; c++) {
        best = score[c] > score[best] ? c : best;
      }
      right += best == label.apply(samples.get(i)) ? 1 : 0;
      total++;
    }
    return right / (double) total;
  }

  private Function<RawSample, double[]> vector(String m, List<RawSample> train, List<Integer> y) {
    List<float[]> x = new ArrayList<>();
    train.forEach(s -> x.add(s.features().get(m)));
    LinearDiscriminant lda = LinearDiscriminant.fit(x, y, classes);
    return s -> lda.score(s.features().get(m));
  }

  private Function<RawSample, double[]> text(String m, List<RawSample> train, List<Integer> y) {
    List<Map<String, Integer>> counts = new ArrayList<>();
    int[] totals = new int[classes];
    for (int c = 0; c < classes; c++) {
      counts.add(new HashMap<>());
    }
    Map<String, Boolean> vocab = new HashMap<>();
    for (int i = 0; i < train.size(); i++) {
      String t = train.get(i).texts().get(m);
      if (t != null) {
        for (String w : t.split(" ")) {
          counts.get(y.get(i)).merge(w, 1, Integer::sum);
          totals[y.get(i)]++;
          vocab.put(w, true);
        }
      }
    }
    int v = vocab.size();
    return s -> {
      double[] score = new double[classes];
      String t = s.texts().get(m);
      if (t != null) {
        for (String w : t.split(" ")) {
          for (int c = 0; c < classes; c++) {
            score[c] += Math.log((counts.get(c).getOrDefault(w, 0) + 1.0) / (totals[c] + v));
          }
        }
      }
      return score;
    };
  }
}
