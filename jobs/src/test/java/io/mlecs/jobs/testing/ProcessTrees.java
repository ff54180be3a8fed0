package io.mlecs.jobs.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Process-tree and port helpers for tests that start other JVMs. */
public final class ProcessTrees {

    private ProcessTrees() {
    }

    /**
     * Stops processes and all their descendants: SIGTERM to every one (descendants are collected first, so
     * children a parent forked are found even after the parent is gone), SIGKILL to whatever is still alive after
     * {@code grace}, then waits up to 5 s for the kills to land.
     */
    public static void terminate(List<ProcessHandle> roots, Duration grace) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        for (ProcessHandle root : roots) {
            root.descendants().forEach(all::add);
            all.add(root);
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : all) {
            long left = deadline - System.nanoTime();
            if (left > 0 && h.isAlive()) {
                try {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (Exception e) {
                    // falls through to the forcible kill
                }
            }
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // nothing more to do
            }
        }
    }

    /**
     * Kills what earlier, killed test JVMs left running: reads every {@code *suffix} pid file in {@code dir} (one
     * "pid name" per line) and terminates each listed process that is still alive, is not a descendant of this
     * JVM, and whose command line contains {@code marker}. Pid files with no process of this JVM are deleted.
     */
    public static void killLeftovers(Path dir, String suffix, String marker, Duration grace) {
        List<Path> pidFiles;
        try (Stream<Path> s = Files.list(dir)) {
            pidFiles = s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        } catch (IOException e) {
            return;
        }
        Set<Long> ours = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        List<ProcessHandle> stale = new ArrayList<>();
        for (Path pidFile : pidFiles) {
            try {
                boolean anyOurs = false;
                for (String line : Files.readAllLines(pidFile, StandardCharsets.UTF_8)) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts[0].isEmpty()) {
                        continue;
                    }
                    long pid = Long.parseLong(parts[0]);
                    if (ours.contains(pid)) {
                        anyOurs = true; // a cluster of this JVM that is still running
                        continue;
                    }
                    Optional<ProcessHandle> h = ProcessHandle.of(pid);
                    if (h.isPresent() && h.get().isAlive()
                            && h.get().info().commandLine().map(c -> c.contains(marker)).orElse(false)) {
                        stale.add(h.get());
                    }
                }
                if (!anyOurs) {
                    Files.deleteIfExists(pidFile);
                }
            } catch (IOException | NumberFormatException e) {
                // best effort
            }
        }
        terminate(stale, grace);
    }

    /** {@code n} distinct ports that were free on 127.0.0.1 a moment ago. */
    public static int[] freeLoopbackPorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }

    public static String readQuietly(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + p + ": " + e + ")";
        }
    }

    /** The last {@code lines} lines of {@code text}. */
    public static String tail(String text, int lines) {
        String[] all = text.split("\n", -1);
        int from = Math.max(0, all.length - lines);
        return String.join("\n", Arrays.asList(all).subList(from, all.length));
    }
}
