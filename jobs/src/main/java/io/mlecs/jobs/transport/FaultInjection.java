package io.mlecs.jobs.transport;

import java.io.Serializable;
import org.apache.spark.TaskContext;

/**
 * Testing aid: {@code spark.mlecs.fault.failDeviceOnce = DEVICE:ROUND} makes the first attempt of
 * the task that trains that device in that round fail after the device's state was written, so
 * tests can show that a retried task reproduces the same update. Off unless set.
 */
public record FaultInjection(int device, int round) implements Serializable {
  public static final String CONF_KEY = "spark.mlecs.fault.failDeviceOnce";

  public static FaultInjection none() {
    return new FaultInjection(-1, -1);
  }

  /** Parses {@code DEVICE:ROUND}; IllegalArgumentException naming the key otherwise. */
  public static FaultInjection parse(String value) {
    if (value == null || value.isBlank()) {
      return none();
    }
    String[] p = value.split(":");
    try {
      return new FaultInjection(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(CONF_KEY + " must be DEVICE:ROUND, got '" + value + "'");
    }
  }

  void afterDevice(int deviceId, int currentRound) {
    TaskContext tc = TaskContext.get();
    if (deviceId == device && currentRound == round && tc != null && tc.attemptNumber() == 0) {
      throw new IllegalStateException("injected failure after device " + deviceId + " in round "
          + currentRound + " (" + CONF_KEY + ")");
    }
  }
}
