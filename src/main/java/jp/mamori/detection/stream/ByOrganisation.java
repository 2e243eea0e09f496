package jp.mamori.detection.stream;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** First step: reads the record's key and headers and re-keys the line by its organisation. */
final class ByOrganisation implements Processor<String, String, String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(ByOrganisation.class);

    private final DetectionTopology.Counters counters;
    private ProcessorContext<String, String> context;

    ByOrganisation(DetectionTopology.Counters counters) {
        this.counters = counters;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, String> r) {
        LogRecordKey key;
        try {
            key = LogRecordKey.parse(r.key());
        } catch (IllegalArgumentException e) {
            counters.rejected.incrementAndGet();
            if (counters.rejected.get() <= 10) LOG.warn("log record dropped: {}", e.getMessage());
            return;
        }
        if (LogRecordKey.END.equals(header(r, LogRecordKey.CONTROL_HEADER))) {
            context.forward(new Record<>(key.org(), Envelope.endOfInput().encode(), r.timestamp()));
            return;
        }
        if (r.value() == null) return;
        String lineNo = header(r, LogRecordKey.LINE_HEADER);
        long line;
        try {
            line = lineNo != null ? Long.parseLong(lineNo.strip()) : context.recordMetadata().map(m -> m.offset() + 1).orElse(0L);
        } catch (NumberFormatException e) {
            line = context.recordMetadata().map(m -> m.offset() + 1).orElse(0L);
        }
        String file = key.name() != null ? key.name() : context.recordMetadata().map(m -> m.topic()).orElse("kafka");
        Envelope env = new Envelope(false, key.asset(), key.source().key(), header(r, LogRecordKey.FORMAT_HEADER), file, line, r.value());
        context.forward(new Record<>(key.org(), env.encode(), r.timestamp()));
    }

    private static String header(Record<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
