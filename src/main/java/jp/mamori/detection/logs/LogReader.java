package jp.mamori.detection.logs;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one log file into events, streaming: bounded lines, the format detected from the first
 * lines when not given, malformed lines counted with their numbers (the file goes on). A file of
 * which no line can be read in its format is refused as a whole.
 */
public final class LogReader {

    /** How to read: the source (null = detect), a format string (Squid/Apache), the zone, and the time "now" for yearless dates. */
    public record Options(LogSource source, String formatString, ZoneId zone, Instant reference, int maxLine) {
        public Options {
            if (zone == null) zone = ZoneId.of("Asia/Tokyo");
            if (reference == null) reference = Instant.now();
            if (maxLine <= 0) maxLine = BoundedLines.DEFAULT_MAX_LINE;
        }

        public static Options detect() {
            return new Options(null, null, null, null, 0);
        }
    }

    /** A line that was not read, and why. */
    public record Rejected(long line, String reason) { }

    /** What reading a file gave: its source, line and event counts, the first rejected lines and a notice. */
    public record Report(LogSource source, long lines, long events, long rejectedCount, List<Rejected> rejected, String notice,
                         Instant first, Instant last) { }

    static final int DETECT_LINES = 20;
    static final int KEEP_REJECTED = 50;

    /** The format of a log from its first lines, or null when they do not tell. */
    public static LogSource sniff(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        try {
            new BoundedLines().read(new java.io.FilterInputStream(in) {
                long n;
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (n > 256 * 1024 || lines.size() >= DETECT_LINES) return -1;
                    int r = super.read(b, off, len);
                    if (r > 0) n += r;
                    return r;
                }
            }, new BoundedLines.Sink() {
                @Override
                public void line(long lineNo, String line) {
                    if (lines.size() < DETECT_LINES) lines.add(line);
                }

                @Override
                public void rejected(long lineNo, String reason) { }
            });
        } catch (LogFileException e) {
            // a truncated stream is read again, and reported, by read()
        }
        try {
            return lines.isEmpty() ? null : LogFormats.detect(lines);
        } catch (LogFileException e) {
            return null;
        }
    }

    public Report read(InputStream in, Options options, Consumer<LogEvent> events) throws IOException {
        Timestamps time = new Timestamps(options.zone(), options.reference());
        State st = new State(options, time, events);
        long lines = new BoundedLines(options.maxLine()).read(in, st);
        st.flushPending();
        if (lines == 0) throw new LogFileException("ログが空です / the log is empty");
        if (st.parser == null) {
            if (st.rejectedCount > 0) throw new LogFileException("読める行がありません / no readable line: " + st.rejected.get(0).reason()
                    + "（" + st.rejected.get(0).line() + " 行目 / line " + st.rejected.get(0).line() + "）");
            throw new LogFileException("ログが空です / the log is empty");
        }
        if (st.events == 0 && st.parsed == 0 && st.rejectedCount > 0) {
            Rejected r = st.rejected.get(0);
            throw new LogFileException(st.source.key() + " 形式の行がありません / no line of this file is a " + st.source.label() + " line (line "
                    + r.line() + ": " + r.reason() + ")");
        }
        return new Report(st.source, lines, st.events, st.rejectedCount, List.copyOf(st.rejected), st.parser.notice(), st.first, st.last);
    }

    private static final class State implements BoundedLines.Sink {
        final Options options;
        final Timestamps time;
        final Consumer<LogEvent> out;
        LogSource source;
        LineParser parser;
        final List<long[]> pendingNo = new ArrayList<>();
        final List<String> pending = new ArrayList<>();
        long events, parsed, rejectedCount;
        final List<Rejected> rejected = new ArrayList<>();
        Instant first, last;

        State(Options options, Timestamps time, Consumer<LogEvent> out) {
            this.options = options;
            this.time = time;
            this.out = out;
            if (options.source() != null) {
                source = options.source();
                parser = LogFormats.parser(source, options.formatString(), time);
            }
        }

        @Override
        public void line(long lineNo, String line) {
            if (parser == null) {
                pending.add(line);
                pendingNo.add(new long[] {lineNo});
                if (pending.size() >= DETECT_LINES) flushPending();
                return;
            }
            handle(lineNo, line);
        }

        void flushPending() {
            if (parser == null) {
                if (pending.isEmpty()) return;
                source = LogFormats.detect(pending);
                parser = LogFormats.parser(source, options.formatString(), time);
            }
            for (int i = 0; i < pending.size(); i++) handle(pendingNo.get(i)[0], pending.get(i));
            pending.clear();
            pendingNo.clear();
        }

        private void handle(long lineNo, String line) {
            LogEvent e;
            try {
                e = parser.parse(line, lineNo);
            } catch (MalformedLineException ex) {
                rejected(lineNo, ex.getMessage());
                return;
            } catch (RuntimeException ex) {
                rejected(lineNo, "読めません / unreadable: " + ex.getClass().getSimpleName());
                return;
            }
            parsed++;
            if (e == null) return;
            events++;
            if (first == null || e.at().isBefore(first)) first = e.at();
            if (last == null || e.at().isAfter(last)) last = e.at();
            out.accept(e);
        }

        @Override
        public void rejected(long lineNo, String reason) {
            rejectedCount++;
            if (rejected.size() < KEEP_REJECTED) rejected.add(new Rejected(lineNo, reason));
        }
    }

}
