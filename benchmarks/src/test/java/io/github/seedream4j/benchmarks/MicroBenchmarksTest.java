package io.github.seedream4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JMH benchmarks' methods, run once each outside JMH: they measure what they say they do. */
class MicroBenchmarksTest {

    @Test
    void sinkBenchmark_everyPathStoresItsImage() {
        SinkBenchmark b = new SinkBenchmark();
        b.setUp();
        try {
            assertThat(b.pushedInPieces()).isEqualTo(SinkBenchmark.IMAGE.length);
            assertThat(b.handedOverWhole()).isEqualTo(SinkBenchmark.IMAGE.length);
            assertThat(b.engineWithTinyImage()).isEqualTo(SinkBenchmark.TINY.length);
            assertThat(b.copyOnly()).isEqualTo(SinkBenchmark.IMAGE);
        } finally {
            b.tearDown();
        }
    }

    @Test
    void jobAnswerBenchmark_everyWayReadsTheSameAnswer() {
        JobAnswerBenchmark b = new JobAnswerBenchmark();
        JobAnswerBenchmark.Job tree = b.treeThenBind();

        assertThat(tree.status()).isEqualTo("COMPLETED");
        assertThat(tree.output().get("image_url").asString()).isEqualTo("https://image.runpod.ai/abc123/output.png");
        assertThat(b.bindOnly()).isEqualTo(tree);
        assertThat(b.indexOf()).isEqualTo("https://image.runpod.ai/abc123/output.png");
    }
}
