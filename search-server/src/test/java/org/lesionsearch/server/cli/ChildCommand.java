package org.lesionsearch.server.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The command line in a child JVM, as a user runs it, and every line it printed so far. */
record ChildCommand(Process process, BlockingQueue<String> lines, List<String> seen) {

    /** What {@code serve} and {@code demo} print once they answer. */
    static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    /** Starts {@code lesion-search ARGS} on this test's class path with a heap of {@code maxHeap} ({@code 512m}). */
    static ChildCommand start(String maxHeap, String... args) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-Xmx" + maxHeap, "-Dai.djl.offline=true", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), LesionSearchCommand.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process died; await sees it
            }
        });
        pump.setDaemon(true);
        pump.start();
        return new ChildCommand(process, lines, new ArrayList<>());
    }

    /** Waits for a printed line matching {@code pattern}; fails with everything seen when it does not come. */
    Matcher await(Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                Matcher m = pattern.matcher(line);
                if (m.find()) {
                    return m;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no line matching " + pattern + "; the process printed:\n" + String.join("\n", seen));
    }
}
