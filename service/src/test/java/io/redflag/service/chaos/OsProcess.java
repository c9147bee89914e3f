package io.redflag.service.chaos;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child JVM whose output goes to a log file: started, watched through its log, killed with SIGKILL
 * ({@link Process#destroyForcibly}) or stopped with SIGTERM ({@link Process#destroy}). {@link #close} always
 * leaves it dead, so a failing test stops what it started.
 */
final class OsProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private OsProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static OsProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            return new OsProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
    }

    /** The java executable this test runs on: the children run on the same JDK. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first match of the pattern in the log so far. */
    Optional<Matcher> find(Pattern pattern) {
        Matcher m = pattern.matcher(output());
        return m.find() ? Optional.of(m) : Optional.empty();
    }

    /** Waits for a line matching the pattern; fails early with the log's tail when the process dies first. */
    Matcher awaitLog(Pattern pattern, Duration atMost) {
        await(name + " logs " + pattern).atMost(atMost).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (find(pattern).isPresent()) {
                return true;
            }
            if (!alive()) {
                throw new IllegalStateException(name + " exited (" + process.exitValue() + ") before logging "
                        + pattern + "; its log ends:\n" + tail(40));
            }
            return false;
        });
        return find(pattern).orElseThrow();
    }

    String tail(int lines) {
        List<String> all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** kill -9: no shutdown hook, no finally block, nothing flushed. */
    void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(20));
    }

    /** SIGTERM, as Kubernetes stops a pod; waits for the exit. */
    void terminate(Duration grace) {
        process.destroy();
        if (!waitFor(grace)) {
            kill();
        }
    }

    private boolean waitFor(Duration atMost) {
        try {
            return process.waitFor(atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
