package jp.mamori.detection.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.mamori.detection.logs.BoundedLines;
import jp.mamori.detection.logs.LineParser;
import jp.mamori.detection.logs.LogEvent;
import jp.mamori.detection.logs.LogFormats;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.detection.logs.MalformedLineException;
import jp.mamori.detection.logs.Timestamps;
import jp.mamori.detection.rules.Detection;
import jp.mamori.detection.rules.DetectionEngine;
import jp.mamori.detection.rules.SigmaRules;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Second step: runs every rule over one organisation's lines, with the rules' state in the task's
 * stores. Each line is parsed by the batch import's parser for its format, given to the
 * organisation's {@link DetectionEngine}, and what it said is stored at once; windows close on
 * stream time (a punctuation) or at the end of an input, and with them the fingerprints of what was
 * said longer ago than the retention are forgotten.
 */
final class DetectionProcessor implements Processor<String, String, Void, Void> {

    private final OrganisationRules rules;
    private final Duration grace;
    private final Duration retention;
    private final DetectionTopology.Counters counters;
    private final Map<String, KeyValueStore<String, byte[]>> stores = new HashMap<>();
    private final Map<String, Run> runs = new HashMap<>();

    /** One organisation on this task: its engine over the stores, and what it said for the line being read. */
    private static final class Run {
        final OrganisationRules.Settings settings;
        final StoreState state;
        final DetectionEngine engine;
        final List<Detection> found = new ArrayList<>();
        final Map<String, LineParser> parsers = new HashMap<>();

        Run(String org, OrganisationRules.Settings settings, Map<String, KeyValueStore<String, byte[]>> stores) {
            this.settings = settings;
            this.state = new StoreState(org, stores);
            this.engine = new DetectionEngine(settings.policy(), SigmaRules.shipped(), found::add, state);
            for (DetectionEngine.Desktop d : settings.knownDesktops()) engine.knownDesktop(d);
            state.flush();
        }
    }

    DetectionProcessor(OrganisationRules rules, Duration grace, Duration retention, DetectionTopology.Counters counters) {
        this.rules = rules;
        this.grace = grace;
        this.retention = retention;
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        for (String s : StoreState.STORES) stores.put(s, context.getStateStore(s));
        context.schedule(Duration.ofMinutes(1), PunctuationType.STREAM_TIME, t -> closeWindows());
    }

    @Override
    public void process(Record<String, String> r) {
        String org = r.key();
        Run run = run(org);
        if (run == null) {
            counters.unknownOrganisations.incrementAndGet();
            return;
        }
        Envelope env = Envelope.decode(r.value());
        if (env.end()) {
            counters.ends.incrementAndGet();
            run.engine.finish();
            run.state.flush();
            say(org, run, run.engine.learnedDesktops());
            return;
        }
        counters.lines.incrementAndGet();
        LogEvent e;
        try {
            if (env.text().length() > BoundedLines.DEFAULT_MAX_LINE) throw new MalformedLineException("行が長すぎます / line too long");
            e = parser(run, env, r.timestamp()).parse(env.text(), env.line());
        } catch (MalformedLineException | RuntimeException ex) {
            counters.rejected.incrementAndGet();
            return;
        }
        if (e == null) return;
        counters.events.incrementAndGet();
        run.engine.accept(e, env.file(), rules.device(org, env.asset()));
        run.state.flush();
        if (!run.found.isEmpty()) say(org, run, List.of());
    }

    private void say(String org, Run run, List<DetectionEngine.Desktop> learned) {
        if (run.found.isEmpty() && learned.isEmpty()) return;
        List<Detection> ds = List.copyOf(run.found);
        run.found.clear();
        counters.detections.addAndGet(ds.size());
        rules.detected(org, ds, learned);
    }

    private void closeWindows() {
        for (Map.Entry<String, Run> en : runs.entrySet()) {
            Run run = en.getValue();
            run.engine.closeWindows(grace);
            counters.expiredFingerprints.addAndGet(run.engine.expireFingerprints(retention));
            run.state.flush();
            say(en.getKey(), run, List.of());
        }
    }

    /** The organisation's run, made again when its settings changed (allow-list, desktops); null for an unknown organisation. */
    private Run run(String org) {
        OrganisationRules.Settings s = rules.settings(org);
        if (s == null) return null;
        Run run = runs.get(org);
        if (run == null || run.settings.version() != s.version()) {
            run = new Run(org, s, stores);
            runs.put(org, run);
        }
        return run;
    }

    /** The parser of one input (some formats read a header line first), with the record's day as "now" for yearless dates. */
    private static LineParser parser(Run run, Envelope env, long timestamp) {
        Instant day = Instant.ofEpochMilli(timestamp).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        String k = env.asset() + "|" + env.source() + "|" + env.format() + "|" + env.file() + "|" + day;
        LineParser p = run.parsers.get(k);
        if (p == null) {
            if (run.parsers.size() > 256) run.parsers.clear();
            p = LogFormats.parser(LogSource.fromKey(env.source()), env.format(), new Timestamps(run.settings.policy().zone(), day));
            run.parsers.put(k, p);
        }
        return p;
    }
}
