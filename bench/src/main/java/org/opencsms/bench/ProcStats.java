package org.opencsms.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A process's resident memory and CPU time from Linux's /proc. */
final class ProcStats {
    static final double CLOCK_TICKS = 100.0;

    /** One reading: resident set in kB and CPU seconds (user + system), or null when unreadable. */
    record Reading(long rssKb, double cpuSeconds) {
    }

    private ProcStats() {
    }

    static Reading read(String pid) {
        try {
            long rss = -1;
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // fields after the command name in parentheses: state is field 3, utime 14, stime 15
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return new Reading(rss, ticks / CLOCK_TICKS);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The process listening on a local TCP port (via /proc/net/tcp* socket inodes and /proc/PID/fd), or
     * null when the host is not this machine or nothing readable listens there.
     */
    static String listenerOf(String host, int port) {
        try {
            InetAddress a = InetAddress.getByName(host);
            if (!a.isLoopbackAddress() && !a.isAnyLocalAddress()
                    && java.net.NetworkInterface.getByInetAddress(a) == null) {
                return null;
            }
            Set<String> inodes = new HashSet<>();
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                Path p = Path.of(table);
                if (!Files.isReadable(p)) {
                    continue;
                }
                for (String line : Files.readAllLines(p)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length < 10 || !f[1].contains(":") || !"0A".equals(f[3])) {
                        continue;
                    }
                    int localPort = Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16);
                    if (localPort == port) {
                        inodes.add("socket:[" + f[9] + "]");
                    }
                }
            }
            if (inodes.isEmpty()) {
                return null;
            }
            String self = Long.toString(ProcessHandle.current().pid());
            try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path proc : procs) {
                    if (proc.getFileName().toString().equals(self)) {
                        continue;
                    }
                    try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                        for (Path fd : fds) {
                            try {
                                if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                                    return proc.getFileName().toString();
                                }
                            } catch (IOException e) {
                                // gone or not ours
                            }
                        }
                    } catch (IOException | SecurityException e) {
                        // not readable
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** The command line of a process, shortened, for the report. */
    static String commandOf(String pid) {
        try {
            String cmd = Files.readString(Path.of("/proc", pid, "cmdline")).replace('\0', ' ').trim();
            return cmd.length() > 80 ? cmd.substring(0, 80) + "..." : cmd;
        } catch (IOException e) {
            return "?";
        }
    }
}
