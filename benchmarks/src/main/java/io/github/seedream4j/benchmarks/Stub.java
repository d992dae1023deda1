package io.github.seedream4j.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A running {@link StubServer}: in the measured JVM, or in a process of its own so that the client's CPU time,
 * threads and heap are the client's alone. The process is this class's {@link #main}:
 * {@code java -cp benchmarks.jar io.github.seedream4j.benchmarks.Stub [port=0] [threads=4] [networkMs=0]} (or
 * {@code java -jar benchmarks.jar stub ...}) prints {@code port: N} and serves every provider's stub until its
 * standard input closes, which happens when the harness that forked it ends, however it ends.
 */
public final class Stub implements AutoCloseable {

    private final StubServer inline;
    private final Process process;
    private final String url;

    private Stub(StubServer inline, Process process, String url) {
        this.inline = inline;
        this.process = process;
        this.url = url;
    }

    /**
     * Serves until standard input closes.
     *
     * @param args {@code port=0}, {@code threads=4}, {@code networkMs=0}
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> o = Main.options(args, 0);
        StubServer server = new StubServer(Integer.parseInt(o.getOrDefault("port", "0")),
                Integer.parseInt(o.getOrDefault("threads", "4")), Long.parseLong(o.getOrDefault("networkMs", "0")));
        System.out.println("port: " + server.url().substring(server.url().lastIndexOf(':') + 1));
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // the parent never writes; end of input means it is gone
        }
        server.close();
        System.exit(0);
    }

    /**
     * Starts a stub.
     *
     * @param ownProcess whether it runs in a JVM of its own (the same java and class path as this one)
     * @param threads its handler threads
     * @param networkMillis how long each of its answers waits first
     */
    static Stub start(boolean ownProcess, int threads, long networkMillis) throws IOException {
        if (!ownProcess) {
            StubServer s = new StubServer(0, threads, networkMillis);
            return new Stub(s, null, s.url());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-XX:+UseSerialGC", "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), Stub.class.getName(), "port=0", "threads=" + threads,
                "networkMs=" + networkMillis)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("port: ")) {
            p.destroyForcibly();
            throw new IOException("the stub process did not start: it printed " + line);
        }
        return new Stub(null, p, "http://127.0.0.1:" + line.substring(6).strip());
    }

    /** {@return the stub's {@code http://127.0.0.1:<port>}} */
    String url() {
        return url;
    }

    /** {@return whether the stub runs in a process of its own} */
    boolean ownProcess() {
        return process != null;
    }

    /** When job {@code id} finished, in this JVM's nanoTime; only for a stub in this JVM. */
    Long doneAt(String id) {
        if (inline == null) {
            throw new IllegalStateException("a stub in another process has another clock");
        }
        return inline.doneAt(id);
    }

    /**
     * The stub's counters: {@code submits}, {@code polls}, {@code results}, {@code images}, {@code cancels}, and its
     * process's {@code cpuNanos} (the whole JVM's when the stub runs in this one). Read over a connection of its own,
     * so no thread of the clients measured is involved.
     */
    Map<String, Long> stats() throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url + "/_stats").openConnection();
        c.setRequestProperty("Connection", "close");
        Map<String, Long> stats = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(c.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] kv = line.split("=", 2);
                stats.put(kv[0], Long.parseLong(kv[1]));
            }
        } finally {
            c.disconnect();
        }
        return stats;
    }

    @Override
    public void close() {
        if (inline != null) {
            inline.close();
            return;
        }
        try {
            process.getOutputStream().close(); // closing its input ends it
        } catch (IOException ignored) {
            // it is gone already
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
