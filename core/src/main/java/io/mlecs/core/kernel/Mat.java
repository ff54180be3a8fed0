package io.mlecs.core.kernel;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A row-major [rows, cols] matrix over a contiguous c-order ND4J array (FLOAT or DOUBLE): element
 * access from Java for the element-wise work, the array itself for BLAS products. A 1-D array is
 * one row. Values are read and written as doubles whatever the storage type.
 */
public abstract class Mat {
  final INDArray array;
  final int rows;
  final int cols;
  final int offset;

  private Mat(INDArray array, int rows, int cols) {
    if (!Nd4j.getEnvironment().isCPU()) {
      throw new IllegalStateException("kernel matrices work on host memory: ND4J runs on a GPU "
          + "backend here (use train.step-engine = samediff)");
    }
    if (array.length() != (long) rows * cols
        || !org.nd4j.linalg.api.shape.Shape.hasDefaultStridesForShape(array)
        || (array.rank() > 1 && array.ordering() != 'c')) {
      throw new IllegalArgumentException("kernel matrices must be contiguous c-order, got shape "
          + java.util.Arrays.toString(array.shape()) + " order " + array.ordering());
    }
    this.array = array;
    this.rows = rows;
    this.cols = cols;
    this.offset = Math.toIntExact(array.offset());
  }

  /** Wraps {@code array}: 2-D as it is, 1-D as one row. */
  public static Mat of(INDArray array) {
    int rows = array.rank() == 2 ? Math.toIntExact(array.size(0)) : 1;
    int cols = array.rank() == 2 ? Math.toIntExact(array.size(1))
        : Math.toIntExact(array.length());
    if (array.rank() > 2) {
      throw new IllegalArgumentException("kernel matrices are 1-D or 2-D, got shape "
          + java.util.Arrays.toString(array.shape()));
    }
    return wrap(array, rows, cols);
  }

  /**
   * Whether {@link #of} accepts {@code a}: ND4J on its CPU backend (on a GPU backend an array's
   * values live in device memory, which plain Java reads and writes would miss), FLOAT or DOUBLE,
   * rank 1 or 2, contiguous c-order.
   */
  public static boolean canWrap(INDArray a) {
    return Nd4j.getEnvironment().isCPU()
        && (a.dataType() == DataType.FLOAT || a.dataType() == DataType.DOUBLE) && a.rank() <= 2
        && a.rank() >= 1 && a.ordering() == 'c'
        && org.nd4j.linalg.api.shape.Shape.hasDefaultStridesForShape(a);
  }

  /** Whether every element of {@code a} is finite (a plain loop where {@link #of} applies). */
  public static boolean allFinite(INDArray a) {
    if (!canWrap(a)) {
      return !(a.isNaN().any() || a.isInfinite().any());
    }
    Mat m = of(a);
    for (int i = 0, n = m.length(); i < n; i++) {
      if (!Double.isFinite(m.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** A new zero matrix. */
  public static Mat zeros(DataType dt, int rows, int cols) {
    return wrap(Nd4j.create(dt, rows, cols), rows, cols);
  }

  private static Mat wrap(INDArray a, int rows, int cols) {
    return switch (a.dataType()) {
      case FLOAT -> new F32(a, rows, cols);
      case DOUBLE -> new F64(a, rows, cols);
      default -> throw new IllegalArgumentException("kernel matrices are FLOAT or DOUBLE, got "
          + a.dataType());
    };
  }

  public final INDArray array() {
    return array;
  }

  public final int rows() {
    return rows;
  }

  public final int cols() {
    return cols;
  }

  public final int length() {
    return rows * cols;
  }

  public abstract double get(int i);

  public abstract void set(int i, double v);

  public final double get(int r, int c) {
    return get(r * cols + c);
  }

  public final void add(int i, double v) {
    set(i, get(i) + v);
  }

  /** Copies every element into {@code dst} (at least {@link #length()} long). */
  public abstract void copyTo(double[] dst);

  /** Overwrites every element from {@code src}. */
  public abstract void copyFrom(double[] src);

  public final void fill(double v) {
    for (int i = 0, n = length(); i < n; i++) {
      set(i, v);
    }
  }

  /**
   * C = beta C + op(A) op(B), one call of the BLAS ND4J's CPU backend links (OpenBLAS's
   * {@code cblas_sgemm} / {@code cblas_dgemm} on the arrays' memory: no op context, no checks
   * beyond the shapes, about 10-20 us less per call than {@code Nd4j.gemm} at these sizes).
   */
  public static void gemm(Mat a, boolean transA, Mat b, boolean transB, Mat c, double beta) {
    int m = c.rows;
    int n = c.cols;
    int k = transA ? a.rows : a.cols;
    if ((transA ? a.cols : a.rows) != m || (transB ? b.rows : b.cols) != n
        || (transB ? b.cols : b.rows) != k || a.getClass() != c.getClass()
        || b.getClass() != c.getClass()) {
      throw new IllegalArgumentException("gemm shapes: " + a.rows + "x" + a.cols
          + (transA ? "^T" : "") + " times " + b.rows + "x" + b.cols + (transB ? "^T" : "")
          + " into " + m + "x" + n);
    }
    c.gemm(transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
        transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans, m, n, k, a, b,
        beta);
  }

  abstract void gemm(int transA, int transB, int m, int n, int k, Mat a, Mat b, double beta);

  /** FLOAT storage. */
  private static final class F32 extends Mat {
    private final FloatBuffer buf;
    private FloatPointer ptr;

    F32(INDArray a, int rows, int cols) {
      super(a, rows, cols);
      this.buf = a.data().asNioFloat();
    }

    /** The BLAS operand (made on first use: most matrices never enter a product). */
    private FloatPointer ptr() {
      if (ptr == null) {
        // a view's buffer address already points at its first element; its NIO buffer does not
        ptr = new FloatPointer(array.data().addressPointer());
      }
      return ptr;
    }

    @Override
    void gemm(int transA, int transB, int m, int n, int k, Mat a, Mat b, double beta) {
      openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, transA, transB, m, n, k,
          1f, ((F32) a).ptr(), a.cols, ((F32) b).ptr(), b.cols, (float) beta, ptr(), cols);
    }

    @Override
    public double get(int i) {
      return buf.get(offset + i);
    }

    @Override
    public void set(int i, double v) {
      buf.put(offset + i, (float) v);
    }

    @Override
    public void copyTo(double[] dst) {
      for (int i = 0, n = length(); i < n; i++) {
        dst[i] = buf.get(offset + i);
      }
    }

    @Override
    public void copyFrom(double[] src) {
      for (int i = 0, n = length(); i < n; i++) {
        buf.put(offset + i, (float) src[i]);
      }
    }
  }

  /** DOUBLE storage (gradient checks). */
  private static final class F64 extends Mat {
    private final DoubleBuffer buf;
    private DoublePointer ptr;

    F64(INDArray a, int rows, int cols) {
      super(a, rows, cols);
      this.buf = a.data().asNioDouble();
    }

    private DoublePointer ptr() {
      if (ptr == null) {
        ptr = new DoublePointer(array.data().addressPointer());
      }
      return ptr;
    }

    @Override
    void gemm(int transA, int transB, int m, int n, int k, Mat a, Mat b, double beta) {
      openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, transA, transB, m, n, k,
          1.0, ((F64) a).ptr(), a.cols, ((F64) b).ptr(), b.cols, beta, ptr(), cols);
    }

    @Override
    public double get(int i) {
      return buf.get(offset + i);
    }

    @Override
    public void set(int i, double v) {
      buf.put(offset + i, v);
    }

    @Override
    public void copyTo(double[] dst) {
      for (int i = 0, n = length(); i < n; i++) {
        dst[i] = buf.get(offset + i);
      }
    }

    @Override
    public void copyFrom(double[] src) {
      for (int i = 0, n = length(); i < n; i++) {
        buf.put(offset + i, src[i]);
      }
    }
  }
}
