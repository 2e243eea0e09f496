package jp.mamori.detection.logs;

import java.util.List;
import java.util.regex.Pattern;

/** Which format a log is in (from its first lines), and the parser for each. */
public final class LogFormats {
    private LogFormats() { }

    private static final Pattern NS = Pattern.compile("\\d{2}/\\d{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2}.*(SSLVPN|AAA|AAATM|ICA|CMD_EXECUTED|PPE-)");
    private static final Pattern SQUID = Pattern.compile("^\\d{9,10}\\.\\d{3}\\s+-?\\d+\\s+\\S+\\s+[A-Z_]+/\\d{3}\\s");
    private static final Pattern FORTI = Pattern.compile("(^|[\\s>])(logid|log_id)=\"?\\d{10}\"?(\\s|$)");
    private static final Pattern ACCESS = Pattern.compile("^\\S+ \\S+ \\S+ \\[\\d{2}/[A-Za-z]{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}\\] \"");

    public static LogSource detect(List<String> lines) {
        int[] votes = new int[LogSource.values().length];
        for (String l : lines) {
            LogSource s = guess(l);
            if (s != null) votes[s.ordinal()]++;
        }
        int best = -1;
        for (int i = 0; i < votes.length; i++) if (votes[i] > 0 && (best < 0 || votes[i] > votes[best])) best = i;
        if (best < 0) {
            throw new LogFileException("ログの形式を先頭の行から判別できません。形式を指定してください / cannot tell the log format from its first lines: choose the format "
                    + "(" + LogSource.KEYS + ")");
        }
        return LogSource.values()[best];
    }

    static LogSource guess(String l) {
        if (l.startsWith("#separator") || l.startsWith("#fields\t") || l.startsWith("#path\thttp")) return LogSource.ZEEK_HTTP;
        if (l.regionMatches(true, 0, "#Fields:", 0, 8)) return LogSource.CSV;
        String t = l.strip();
        if (t.startsWith("{") && (t.contains("\"eurl\"") || t.contains("\"reqmethod\"") || t.contains("zscalernss"))) return LogSource.ZSCALER;
        if (SQUID.matcher(t).find()) return LogSource.SQUID;
        if (ACCESS.matcher(t).find()) return LogSource.ACCESS;
        if (FORTI.matcher(t).find() && t.contains("type=")) return LogSource.FORTIGATE;
        if (t.contains(GlobalProtectParser.MARK)) return LogSource.GLOBALPROTECT;
        if (t.contains(PulseParser.MARK) && t.contains(" - [")) return LogSource.PULSE;
        if (NS.matcher(t).find()) return LogSource.NETSCALER;
        if (t.contains(" default ") && (t.contains("SSLVPN") || t.contains("AAATM "))) return LogSource.NETSCALER;
        return null;
    }

    public static LineParser parser(LogSource source, String formatString, Timestamps time) {
        return switch (source) {
            case NETSCALER -> new NetScalerParser(time);
            case SQUID -> new FormatStringParser(LogSource.SQUID, formatString == null ? FormatStringParser.SQUID_NATIVE : formatString, time);
            case ACCESS -> new FormatStringParser(LogSource.ACCESS, formatString == null ? FormatStringParser.APACHE_COMBINED : formatString, time);
            case ZEEK_HTTP -> new ZeekHttpParser();
            case ZSCALER -> new ZscalerParser(time);
            case CSV -> new CsvLogParser(time);
            case PULSE -> new PulseParser(time);
            case FORTIGATE -> new FortiGateParser(time);
            case GLOBALPROTECT -> new GlobalProtectParser(time);
        };
    }
}
