package io.mlecs.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mlecs.report.analysis.DeviceSummary;
import io.mlecs.report.analysis.MainMetric;
import io.mlecs.report.analysis.MeanStd;
import io.mlecs.report.analysis.MetricDirection;
import io.mlecs.report.svg.NiceScale;
import io.mlecs.report.xml.Markup;
import io.mlecs.report.xml.Numbers;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartPrimitivesTest {

  @Test
  void niceScaleRoundsOutwardsToNiceSteps() {
    NiceScale s = NiceScale.of(0.13, 0.87, 6, false);
    assertEquals(0.2, s.step(), 1e-12);
    assertArrayEquals(new double[] {0.0, 0.2, 0.4, 0.6, 0.8, 1.0}, s.ticks(), 1e-12);
    NiceScale flat = NiceScale.of(5, 5, 6, false);
    assertEquals(true, flat.min() < 5 && flat.max() > 5);
    assertEquals(1.0, NiceScale.of(1, 3, 10, true).step());
  }

  @Test
  void numberFormats() {
    assertEquals("0.4123", Numbers.value(0.41234));
    assertEquals("1,235", Numbers.value(1234.6));
    assertEquals("\u2013", Numbers.value(Double.NaN));
    assertEquals("1.5M", Numbers.si(1_500_000));
    assertEquals("52 kB", Numbers.bytes(52_000));
    assertEquals("0.65%", Numbers.percent(0.65));
    assertEquals("0.25", Numbers.tick(0.25, 0.05));
  }

  @Test
  void markupEscapesAndRejectsUnbalancedOutput() {
    Markup m = new Markup().open("p", "title", "a\"b").text("x < y & z").close();
    assertEquals("<p title=\"a&quot;b\">x &lt; y &amp; z</p>", m.build());
    assertThrows(IllegalStateException.class, () -> new Markup().open("p").build());
    assertThrows(IllegalArgumentException.class, () -> new Markup().empty("p", "odd"));
  }

  @Test
  void aggregationsFollowTheMetricDirection() {
    assertEquals(MetricDirection.LOWER_IS_BETTER, MetricDirection.of("ccl_loss"));
    DeviceSummary loss = DeviceSummary.of(List.of(0.3, 0.1, Double.NaN, 0.2), MetricDirection.LOWER_IS_BETTER);
    assertEquals(0.1, loss.best());
    assertEquals(0.3, loss.worst());
    assertEquals(3, loss.count());
    MeanStd ms = MeanStd.of(List.of(1.0, 3.0));
    assertEquals(2.0, ms.mean());
    assertEquals(Math.sqrt(2), ms.std(), 1e-12);
    assertEquals("rougeLsum", MainMetric.choose(List.of("loss", "f1_macro", "rougeLsum")));
    assertEquals("f1_macro", MainMetric.choose(List.of("loss", "f1_macro")));
    assertEquals("loss", MainMetric.choose(List.of("bertscore_f1")));
  }
}
