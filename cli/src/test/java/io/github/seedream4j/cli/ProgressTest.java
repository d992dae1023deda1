package io.github.seedream4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.seedream4j.Charge;
import io.github.seedream4j.Cost;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static Ledger.Totals halfway() {
        Ledger l = new Ledger(10, 1);
        for (int i = 0; i < 6; i++) {
            l.reserve(Cost.usd("0.03"), null);
        }
        for (int i = 0; i < 4; i++) {
            l.done(Cost.usd("0.03"), Charge.reported(Cost.usd("0.03")), Cost.usd("0.03"), false);
        }
        return l.totals();
    }

    @Test
    void bar_showsCountPercentRateEtaAndSpentAgainstTheBudget() {
        String bar = Progress.bar(halfway(), 8.0, Cost.usd("2.50"), 100);

        assertThat(bar).isEqualTo("[###############---------------]  50% 5/10, 1 failed, 2 running, 0.50/s, ETA 10s, "
                + "0.12/2.5 USD");
    }

    @Test
    void bar_fitsANarrowTerminal() {
        assertThat(Progress.bar(halfway(), 8.0, null, 80)).hasSizeLessThan(80);
        assertThat(Progress.bar(halfway(), 8.0, null, 60)).startsWith("[#####-----]");
    }

    @Test
    void record_isOneLineOfKeyValuePairsInAFixedOrder() {
        String record = Progress.record(halfway(), 8.0, Cost.usd("2.50"));

        assertThat(record).isEqualTo("seedream: progress done=4 total=10 percent=50 failed=1 skipped=0 changed=0 "
                + "running=2 rate=0.50 eta_s=10 spent=0.12 max_cost=2.5 currency=USD elapsed_s=8");
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String part : record.substring("seedream: progress ".length()).split(" ")) {
            String[] kv = part.split("=", 2);
            pairs.put(kv[0], kv[1]);
        }
        assertThat(pairs).containsOnlyKeys("done", "total", "percent", "failed", "skipped", "changed", "running",
                "rate", "eta_s", "spent", "max_cost", "currency", "elapsed_s");
        assertThat(Progress.record(new Ledger(3, 0).totals(), 0, null)).contains(" eta_s=- ").contains(" max_cost=- ");
    }

    /** On a terminal, a message printed during the run appears above the bar, which is redrawn below it. */
    @Test
    void io_messagesGoAboveTheStatusLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false, true);

        io.status("[##--] 50%");
        io.error("line 3: failed");
        io.endStatus();

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("\r[##--] 50%\u001b[K\r\u001b[Kseedream: line 3: failed"
                + System.lineSeparator() + "[##--] 50%\u001b[K" + System.lineSeparator());
    }
}
