package io.mlecs.core.bench;

import io.mlecs.core.model.GraphInputs;
import io.mlecs.core.model.ParamStore;
import io.mlecs.core.train.AdamOptimizer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Where a training step's time goes: a SameDiff listener takes the time of every op execution
 * (from the executor's pre-op callback to its post-op callback: the native kernel plus the output
 * allocation and shape work the session does for that op) during the gradient calls of
 * {@code steps} steps. The rest of the gradient call is the session's own work between ops
 * (dependency tracking, variable lookup, array bookkeeping). The listener's own cost (two clock
 * reads and a map update per op) is included in "between ops". Wall and thread CPU time are both
 * given; on a loaded machine the CPU figures are the steadier ones. Op types are sorted by CPU.
 */
final class OpProfileBench {
  private OpProfileBench() {}

  /** Accumulates op time by op type. */
  static final class OpTimer extends BaseListener {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** op type -> {wall ns, calls, thread CPU ns}. */
    final Map<String, long[]> byType = new HashMap<>();
    private long start;
    private long startCpu;
    long opNanos;
    long opCpuNanos;
    long ops;

    @Override
    public boolean isActive(Operation operation) {
      return true;
    }

    @Override
    public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext ctx) {
      startCpu = THREADS.getCurrentThreadCpuTime();
      start = System.nanoTime();
    }

    @Override
    public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op,
        OpContext ctx, INDArray[] outputs) {
      long dt = System.nanoTime() - start;
      long dc = THREADS.getCurrentThreadCpuTime() - startCpu;
      opNanos += dt;
      opCpuNanos += dc;
      ops++;
      long[] acc = byType.computeIfAbsent(op.getOp().opName(), k -> new long[3]);
      acc[0] += dt;
      acc[1]++;
      acc[2] += dc;
    }

    void reset() {
      byType.clear();
      opNanos = 0;
      opCpuNanos = 0;
      ops = 0;
    }
  }

  static Map<String, Object> run(DeviceTrainingBench.Setup s, int warmup, int steps, long seed) {
    AdamOptimizer adam = new AdamOptimizer(new ParamStore());
    SplittableRandom r = new SplittableRandom(seed);
    SameDiff sd = s.graph().sameDiff();
    OpTimer timer = new OpTimer();
    sd.setListeners(timer);
    try {
      int nb = s.batches().size();
      DeviceTrainingBench.warm(s, adam, warmup, r);
      timer.reset();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long gradNanos = 0;
      long gradCpuNanos = 0;
      for (int i = 0; i < steps; i++) {
        Map<String, INDArray> ph = s.trainer().stepPlaceholders(s.batches().get(i % nb),
            r.nextLong(), s.extras());
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        var out = sd.calculateGradientsAndOutputs(ph, List.of(GraphInputs.LOSS), s.trainable());
        out.getOutputs().get(GraphInputs.LOSS).getDouble(0);
        gradNanos += System.nanoTime() - t0;
        gradCpuNanos += threads.getCurrentThreadCpuTime() - c0;
        adam.step(s.all(), out.getGradients(), s.lr());
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("steps", steps);
      m.put("warmup_steps", warmup);
      m.put("gradient_call_ms_per_step", Stats.round(gradNanos / 1e6 / steps, 3));
      m.put("gradient_call_thread_cpu_ms_per_step", Stats.round(gradCpuNanos / 1e6 / steps, 3));
      m.put("ops_per_step", timer.ops / steps);
      m.put("inside_ops_ms_per_step", Stats.round(timer.opNanos / 1e6 / steps, 3));
      m.put("between_ops_ms_per_step", Stats.round((gradNanos - timer.opNanos) / 1e6 / steps,
          3));
      m.put("inside_ops_thread_cpu_ms_per_step", Stats.round(timer.opCpuNanos / 1e6 / steps, 3));
      m.put("between_ops_thread_cpu_ms_per_step", Stats.round((gradCpuNanos - timer.opCpuNanos)
          / 1e6 / steps, 3));
      m.put("inside_ops_us_per_op", Stats.round(timer.opNanos / 1e3 / Math.max(1, timer.ops),
          2));
      m.put("between_ops_us_per_op", Stats.round((gradNanos - timer.opNanos) / 1e3
          / Math.max(1, timer.ops), 2));
      List<Map.Entry<String, long[]>> types = new ArrayList<>(timer.byType.entrySet());
      types.sort((a, b) -> Long.compare(b.getValue()[2], a.getValue()[2]));
      List<Map<String, Object>> top = new ArrayList<>();
      for (Map.Entry<String, long[]> e : types) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("op", e.getKey());
        row.put("calls_per_step", Stats.round((double) e.getValue()[1] / steps, 2));
        row.put("ms_per_step", Stats.round(e.getValue()[0] / 1e6 / steps, 3));
        row.put("thread_cpu_ms_per_step", Stats.round(e.getValue()[2] / 1e6 / steps, 3));
        row.put("share_of_inside_ops_cpu", Stats.round((double) e.getValue()[2]
            / Math.max(1, timer.opCpuNanos), 3));
        top.add(row);
      }
      m.put("by_op_type", top);
      return m;
    } finally {
      sd.setListeners();
    }
  }
}
