package io.github.seedream4j.provider.fal;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The requests WireMock has finished answering, by method and path. A request shows up in WireMock's journal before
 * its answer is sent; a test that stops the server as soon as it sees a cancellation there can cut that answer off,
 * and the provider then reports a failed cancellation. Waiting for the answer avoids that.
 */
final class Answered implements ServeEventListener {

    private final List<String> answered = new CopyOnWriteArrayList<>();

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
        answered.add(event.getRequest().getMethod().getName() + " " + event.getRequest().getUrl().replaceAll("\\?.*",
                ""));
    }

    @Override
    public String getName() {
        return "answered";
    }

    /** {@return how many times {@code method path} was answered, after waiting up to 10 s for the first} */
    int await(String method, String path) throws InterruptedException {
        String what = method + " " + path;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!answered.contains(what) && System.nanoTime() - end < 0) {
            Thread.sleep(10);
        }
        return (int) answered.stream().filter(what::equals).count();
    }
}
