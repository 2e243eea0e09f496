package jp.mamori.cli;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jp.mamori.app.Mamori;
import jp.mamori.app.detection.ImportLogs;
import jp.mamori.app.detection.StreamDetections;
import jp.mamori.detection.stream.DetectionStreams;
import jp.mamori.detection.logs.LogReader;
import jp.mamori.detection.logs.LogSource;
import jp.mamori.inventory.Organization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori logs import|stream|publish}: gateway and proxy logs through every detection rule, from files or a Kafka topic. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = {"ゲートウェイ・プロキシのログの取り込み", "Gateway and proxy logs."},
        subcommands = {LogsCommand.Import.class, LogsCommand.Listen.class, LogsCommand.Stream.class, LogsCommand.Publish.class})
public class LogsCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"ログを取り込み、不正アクセスと持ち出しを検知します（.gz 可、形式は自動判別）。",
                    "Imports logs (.gz accepted, format detected when not given) and runs every detection rule."})
    static class Import extends OrganizationCommand {
        @Option(names = "--source", paramLabel = "S", description = LogSource.KEYS) String source;
        @Option(names = "--asset", paramLabel = "CODE", description = "ログを出した機器の資産コード / asset code of the device that wrote the log") String asset;
        @Option(names = "--format-string", paramLabel = "F", description = "Squid logformat / Apache LogFormat の書式 / format string") String formatString;
        @Option(names = "--tz", paramLabel = "ZONE", description = "時刻の地域 / time zone of the log (default Asia/Tokyo)") String tz;
        @Option(names = "--by", paramLabel = "NAME", description = "実施者 / who does this (audit)") String by;
        @Parameters(arity = "1..*", paramLabel = "PATH") List<Path> paths;

        private LogSource s;
        private ZoneId zone;

        @Override
        void check() {
            try {
                s = source == null ? null : LogSource.fromKey(source);
                zone = tz == null ? null : ZoneId.of(tz);
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new BadInputException(e.getMessage());
            }
        }

        @Override
        Integer run(Mamori m, Organization o) {
            List<ImportLogs.Input> inputs = new ArrayList<>();
            for (Path p : paths) inputs.add(new ImportLogs.Input(p, p.getFileName().toString()));
            print(m.importLogs().run(CliActor.of(by), o.id(), inputs, new ImportLogs.Options(s, formatString, zone, asset)));
            return ExitCode.OK;
        }

        static void print(ImportLogs.Result r) {
            for (ImportLogs.FileResult f : r.files()) {
                if (f.alreadyImported()) {
                    System.out.println(f.name() + ": 取り込み済みのため変更なし / already imported, nothing changed");
                    continue;
                }
                System.out.println(f.name() + " [" + f.source().key() + "]: " + f.lines() + " 行 / lines, " + f.events() + " 件の事象 / events, "
                        + f.rejected() + " 行を読めませんでした / lines rejected");
                for (LogReader.Rejected x : f.rejectedLines().subList(0, Math.min(10, f.rejectedLines().size()))) {
                    System.out.println("  " + x.line() + " 行目 / line " + x.line() + ": " + x.reason());
                }
                if (f.rejected() > 10) System.out.println("  …ほか " + (f.rejected() - 10) + " 行 / more");
                if (f.notice() != null) System.out.println("  注意 / note: " + f.notice());
            }
            System.out.println("検知 / detections: " + r.detections() + " 件（新規 / new）" + (r.duplicates() > 0 ? "、既知 " + r.duplicates() + " 件 / known" : "")
                    + "  インシデント / incidents: 新規 " + r.incidentsOpened().size() + " 件 / opened, 更新 " + r.incidentsUpdated().size() + " 件 / updated");
        }
    }

    @Command(name = "stream", mixinStandardHelpOptions = true,
            description = {"Kafka のトピックのログに検知ルールを常時適用します（Kafka Streams、ノードを増やせば分担）。Ctrl-C で停止。",
                    "Runs every detection rule on the log lines of a Kafka topic (Kafka Streams; start more for more capacity). Ctrl-C stops."})
    static class Stream implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT", description = "Kafka のブローカー / Kafka bootstrap servers") String bootstrap;
        @Option(names = "--topic", required = true, paramLabel = "T", description = "ログのトピック（キー ORG|ASSET|SOURCE[|NAME]）/ log topic (key ORG|ASSET|SOURCE[|NAME])") String topic;
        @Option(names = "--application-id", paramLabel = "ID", defaultValue = "mamori-detection",
                description = "同じ ID のノードが分担します / instances with the same id share the work (default: ${DEFAULT-VALUE})") String applicationId;
        @Option(names = "--state-dir", paramLabel = "DIR", description = "状態ストアの置き場所 / local state store directory (default: DATA/kafka-streams)") Path stateDir;
        @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "処理スレッド数 / stream threads (default: ${DEFAULT-VALUE})") int threads;

        @Override
        public Integer call() throws InterruptedException {
            DetectionStreams.Settings settings;
            try {
                settings = new DetectionStreams.Settings(bootstrap, topic, applicationId,
                        stateDir != null ? stateDir : db.dataDir().resolve("kafka-streams"), threads, null);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
            try (Mamori m = db.mamori(); DetectionStreams s = m.streamDetections().start(settings)) {
                // Ctrl-C: the hook stops the topology, then waits for the summary below to be printed before the JVM goes
                java.util.concurrent.CountDownLatch said = new java.util.concurrent.CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    s.close();
                    try {
                        said.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                }, "mamori-logs-stream-stop"));
                System.out.println("検知を開始しました / detecting on " + topic + " at " + bootstrap + " (application id " + applicationId + ")");
                try {
                    s.awaitStop();
                    var c = s.counters();
                    System.out.println("停止しました / stopped: " + c.lines.get() + " 行 / lines, " + c.detections.get() + " 件の検知 / detections, "
                            + c.rejected.get() + " 行を読めませんでした / rejected");
                    System.out.flush();
                    return s.state() == org.apache.kafka.streams.KafkaStreams.State.ERROR ? ExitCode.FAILURE : ExitCode.OK;
                } finally {
                    said.countDown();
                }
            }
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = {"ログのファイルを Kafka のトピックに送ります（`logs stream` が読む形式、最後に入力の終わり）。",
                    "Puts log files on a Kafka topic in the form `logs stream` reads, then the end of the input."})
    static class Publish extends OrganizationCommand {
        @Option(names = "--bootstrap", required = true, paramLabel = "HOST:PORT") String bootstrap;
        @Option(names = "--topic", required = true, paramLabel = "T") String topic;
        @Option(names = "--source", required = true, paramLabel = "S", description = LogSource.KEYS) String source;
        @Option(names = "--asset", paramLabel = "CODE", description = "ログを出した機器の資産コード / asset code of the device that wrote the log") String asset;
        @Option(names = "--format-string", paramLabel = "F", description = "Squid logformat / Apache LogFormat の書式 / format string") String formatString;
        @Parameters(arity = "1..*", paramLabel = "PATH") List<Path> paths;

        private LogSource s;

        @Override
        void check() {
            try {
                s = LogSource.fromKey(source);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
        }

        @Override
        Integer run(Mamori m, Organization o) {
            List<StreamDetections.Publish> files = new ArrayList<>();
            for (Path p : paths) files.add(new StreamDetections.Publish(p, p.getFileName().toString(), asset, s, formatString));
            long n = m.streamDetections().publish(bootstrap, topic, o.code(), files);
            System.out.println(n + " 行を " + topic + " に送りました / lines sent to " + topic);
            return ExitCode.OK;
        }
    }

    @Command(name = "listen", mixinStandardHelpOptions = true,
            description = {"ゲートウェイの syslog（RFC 3164/5424、UDP または TCP）を受信して検知します。既定では 127.0.0.1 のみで待ち受けます。Ctrl-C で終了。",
                    "Receives the gateway's syslog (RFC 3164/5424 over UDP or TCP) and runs every rule; bound to 127.0.0.1 unless --bind. Ctrl-C stops."})
    static class Listen extends OrganizationCommand {
        @Option(names = "--syslog-port", required = true, paramLabel = "N", description = "待ち受けポート / port") int port;
        @Option(names = "--tcp", description = "TCP で受信（既定は UDP） / TCP instead of UDP") boolean tcp;
        @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "待ち受けるアドレス / address (default: ${DEFAULT-VALUE})") String bind;
        @Option(names = "--asset", paramLabel = "CODE", description = "送信元機器の資産コード / asset code of the sending device") String asset;
        @Option(names = "--source", paramLabel = "S", defaultValue = "netscaler", description = {"ログ形式 / format (default: ${DEFAULT-VALUE})", LogSource.KEYS}) String source;
        @Option(names = "--tz", paramLabel = "ZONE", description = "時刻の地域 / time zone (default Asia/Tokyo)") String tz;
        @Option(names = "--rate", paramLabel = "N", defaultValue = "20000", description = "1秒あたりの上限件数 / at most N messages a second (default: ${DEFAULT-VALUE})") int rate;
        @Option(names = "--for", paramLabel = "SECONDS", description = "この秒数で終了 / stop after this many seconds") Integer seconds;
        @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30",
                description = "この秒数なにも送らない TCP 接続を閉じる / close a TCP connection silent this long (1–3600, default: ${DEFAULT-VALUE})") int idleTimeout;

        private LogSource s;
        private ZoneId zone;

        @Override
        void check() {
            try {
                s = LogSource.fromKey(source);
                zone = tz == null ? null : ZoneId.of(tz);
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new BadInputException(e.getMessage());
            }
            if (port < 0 || port > 65535 || rate < 1) throw new BadInputException("--syslog-port は 0〜65535、--rate は 1 以上 / bad port or rate");
            if (idleTimeout < 1 || idleTimeout > 3600) throw new BadInputException("--idle-timeout は 1〜3600 秒 / --idle-timeout must be 1 to 3600 seconds");
        }

        @Override
        Integer run(Mamori m, Organization o) throws Exception {
            var base = jp.mamori.detection.listen.SyslogReceiver.Options.of(bind, port, tcp);
            var options = new jp.mamori.detection.listen.SyslogReceiver.Options(base.bind(), port, tcp, base.maxMessage(), base.queue(), rate,
                    base.maxConnections(), idleTimeout * 1000);
            jp.mamori.app.detection.ListenSyslog listen = new jp.mamori.app.detection.ListenSyslog(m, o.code(), asset, s, zone, options);
            java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch stored = new java.util.concurrent.CountDownLatch(1);
            // Ctrl-C: the hook lets the main thread store what was received before the JVM goes
            Thread hook = new Thread(() -> {
                stop.countDown();
                try {
                    stored.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            System.out.println("syslog を待ち受けています / listening on " + bind + ":" + listen.port() + (tcp ? "/tcp" : "/udp")
                    + (asset == null ? "" : " (機器 / device " + asset + ")"));
            if (seconds == null) stop.await(); else stop.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
            listen.close();
            var st = listen.stats();
            System.out.println("受信 / received " + st.network().received() + ", 読めた行 / parsed " + st.parsed() + ", 読めない行 / rejected " + st.rejected()
                    + ", 長すぎ / too long " + st.network().tooLong() + ", 不正な文字 / invalid " + st.network().invalid()
                    + ", 上限超過で破棄 / dropped (rate " + st.network().droppedRate() + ", buffer " + st.network().droppedFull() + ")"
                    + ", 接続拒否 / connections refused " + st.network().refusedConnections() + ", 無通信で切断 / idle closed " + st.network().idleClosed()
                    + ", 検知 / detections " + st.detectionsStored());
            stored.countDown();
            if (seconds != null) Runtime.getRuntime().removeShutdownHook(hook);
            return ExitCode.OK;
        }
    }
}
