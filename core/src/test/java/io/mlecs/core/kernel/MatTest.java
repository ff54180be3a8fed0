package io.mlecs.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The kernel's matrix wrapper: BLAS products against ND4J's, views with offsets, checks. */
class MatTest {
  private static INDArray rand(DataType dt, long seed, int rows, int cols) {
    Nd4j.getRandom().setSeed(seed);
    return Nd4j.rand(DataType.DOUBLE, rows, cols).subi(0.5).castTo(dt);
  }

  private static void assertProducts(DataType dt, double tol) {
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        INDArray a = ta ? rand(dt, 1, 4, 3) : rand(dt, 1, 3, 4);
        INDArray b = tb ? rand(dt, 2, 5, 4) : rand(dt, 2, 4, 5);
        INDArray c0 = rand(dt, 3, 3, 5);
        INDArray c = c0.dup();
        Mat.gemm(Mat.of(a), ta, Mat.of(b), tb, Mat.of(c), 0.5);
        INDArray expected = (ta ? a.transpose() : a).mmul(tb ? b.transpose() : b)
            .add(c0.mul(0.5));
        double diff = c.sub(expected).amaxNumber().doubleValue();
        assertTrue(diff < tol, dt + " transA=" + ta + " transB=" + tb + ": " + diff);
      }
    }
  }

  @Test
  void productsEqualNd4jForEveryTransposeInBothTypes() {
    assertProducts(DataType.DOUBLE, 1e-14);
    assertProducts(DataType.FLOAT, 1e-6);
  }

  @Test
  void rowBlockViewsAreReadAndWrittenAtTheirOffset() {
    INDArray big = rand(DataType.FLOAT, 4, 10, 4);
    INDArray outBig = Nd4j.zeros(DataType.FLOAT, 6, 4);
    INDArray a = big.get(NDArrayIndex.interval(3, 6), NDArrayIndex.all());
    INDArray out = outBig.get(NDArrayIndex.interval(2, 5), NDArrayIndex.all());
    INDArray w = rand(DataType.FLOAT, 5, 4, 4);
    assertTrue(a.offset() > 0 && Mat.canWrap(a));
    Mat.gemm(Mat.of(a), false, Mat.of(w), false, Mat.of(out), 0.0);
    assertTrue(out.sub(a.mmul(w)).amaxNumber().doubleValue() < 1e-6);
    assertEquals(0.0, outBig.getRow(0).amaxNumber().doubleValue(), 0.0);
    assertEquals(0.0, outBig.getRow(5).amaxNumber().doubleValue(), 0.0);
    Mat m = Mat.of(a);
    assertEquals(big.getDouble(3, 1), m.get(0, 1), 0.0);
    m.set(5, 2.5);
    assertEquals(2.5, big.getDouble(4, 1), 0.0);
  }

  @Test
  void oneDimensionalArraysAreOneRow() {
    Mat m = Mat.of(Nd4j.createFromArray(1.0, 2.0, 3.0));
    assertEquals(1, m.rows());
    assertEquals(3, m.cols());
    assertEquals(3.0, m.get(2), 0.0);
  }

  @Test
  void refusesLayoutsItCannotAddressAndMismatchedProducts() {
    INDArray f = Nd4j.create(DataType.FLOAT, new long[] {3, 4}, 'f');
    assertFalse(Mat.canWrap(f));
    assertThrows(IllegalArgumentException.class, () -> Mat.of(f));
    assertFalse(Mat.canWrap(Nd4j.create(DataType.INT, 2, 2)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Mat.of(Nd4j.create(DataType.FLOAT, 2, 2, 2)));
    assertTrue(e.getMessage().contains("[2, 2, 2]"), e.getMessage());
    Mat a = Mat.zeros(DataType.FLOAT, 3, 4);
    Mat b = Mat.zeros(DataType.FLOAT, 3, 5);
    e = assertThrows(IllegalArgumentException.class,
        () -> Mat.gemm(a, false, b, false, Mat.zeros(DataType.FLOAT, 3, 5), 0.0));
    assertTrue(e.getMessage().contains("3x4"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Mat.gemm(a, false,
        Mat.zeros(DataType.DOUBLE, 4, 5), false, Mat.zeros(DataType.FLOAT, 3, 5), 0.0));
  }

  @Test
  void finiteCheckFindsNanAndInfinityInEveryLayout() {
    INDArray ok = rand(DataType.FLOAT, 6, 3, 3);
    assertTrue(Mat.allFinite(ok));
    INDArray nan = ok.dup();
    nan.putScalar(2, 1, Float.NaN);
    assertFalse(Mat.allFinite(nan));
    INDArray inf = ok.dup('f');
    inf.putScalar(0, 2, Double.NEGATIVE_INFINITY);
    assertFalse(Mat.allFinite(inf));
    assertTrue(Mat.allFinite(ok.dup('f')));
  }
}
