package jp.mamori.cli;

import jp.mamori.app.Mamori;
import java.util.List;
import java.util.concurrent.Callable;
import jp.mamori.inventory.InventoryRepository;
import jp.mamori.inventory.Organization;
import jp.mamori.persistence.Database;
import jp.mamori.notify.Audience;
import jp.mamori.notify.Message;
import jp.mamori.notify.NotificationEvent;
import jp.mamori.notify.NotificationSettingsStore;
import jp.mamori.notify.Preference;
import jp.mamori.notify.Recipient;
import jp.mamori.notify.WebhookKind;
import jp.mamori.notify.WebhookSender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mamori notify test|flush|prefs|webhook-add}: notification channels and preferences. */
@Command(name = "notify", mixinStandardHelpOptions = true, description = {"通知（メール・Webhook）", "Notifications: e-mail and webhooks."},
        subcommands = {NotifyCommand.Test.class, NotifyCommand.Flush.class, NotifyCommand.Prefs.class, NotifyCommand.WebhookAdd.class})
public class NotifyCommand {

    @Command(name = "test", mixinStandardHelpOptions = true, description = "テスト通知を送信 / send a test notification")
    static class Test implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Mixin OrgOption org = new OrgOption();
        @Option(names = "--to", paramLabel = "EMAIL", description = "宛先メールアドレス / e-mail address") String to;
        @Option(names = "--user", paramLabel = "USER", description = "アカウントの通知設定で送信 / to an account, by its preferences") String user;
        @Option(names = "--webhook", paramLabel = "URL", description = "Webhook URL") String webhook;
        @Option(names = "--kind", defaultValue = "generic", description = "generic | teams | slack (default: ${DEFAULT-VALUE})") String kind;

        @Override
        public Integer call() {
            int given = (to == null ? 0 : 1) + (user == null ? 0 : 1) + (webhook == null ? 0 : 1);
            if (given != 1) throw new BadInputException("--to, --user, --webhook のいずれか一つを指定してください / give one of --to, --user, --webhook");
            try (Mamori mamori = db.mamori()) {
                Database d = mamori.database();
                Organization o = org.resolve(mamori.inventory());
                RemediationContext ctx = new RemediationContext(mamori);
                Message m = new Message(o.name(), List.of(NotificationEvent.of(o.id(), null, null, "test", Audience.SYSTEM, null, null, null, null,
                        "Mamori からのテスト通知です。このメッセージが届けば通知の設定は有効です。",
                        "This is a test notification from Mamori: the channel works.")), null);
                String target;
                try {
                    if (webhook != null) {
                        WebhookKind k = RemediationContext.guard(() -> WebhookKind.fromKey(kind));
                        RemediationContext.guard(() -> {
                            WebhookSender.checkUrl(webhook);
                            return null;
                        });
                        ctx.notifier().sendDirect(k, webhook, m);
                        target = WebhookSender.redact(webhook) + " (" + k.key() + ")";
                    } else {
                        String address = to;
                        if (user != null) {
                            Recipient r = ctx.mamori.recipients().user(o.id(), user)
                                    .orElseThrow(() -> new BadInputException("アカウントが見つかりません / no enabled account '" + user + "'"));
                            Preference p = mamori.notificationSettings().preference(r.userId());
                            if (p.channel() == Preference.Channel.WEBHOOK) {
                                ctx.notifier().sendDirect(p.webhookKind(), p.webhookUrl(), m);
                                System.out.println("テスト通知を送信しました / test notification sent: " + WebhookSender.redact(p.webhookUrl()));
                                return ExitCode.OK;
                            }
                            if (r.email() == null) throw new BadInputException("アカウント " + user + " にメールアドレスがありません / account has no e-mail address");
                            address = r.email();
                        }
                        if (ctx.smtp().isEmpty()) {
                            throw new BadInputException("SMTPが設定されていません（MAMORI_SMTP_HOST 等、または notify.properties） / no SMTP server configured");
                        }
                        ctx.notifier().sendDirect(address, m);
                        target = address + " via " + ctx.smtp().get();
                    }
                } catch (BadInputException e) {
                    throw e;
                } catch (Exception e) {
                    System.err.println("エラー / error: 送信できませんでした / could not send: " + e.getMessage());
                    return ExitCode.FAILURE;
                }
                System.out.println("テスト通知を送信しました / test notification sent: " + target);
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "flush", mixinStandardHelpOptions = true, description = "溜まっている通知を送信（日次ダイジェストなし） / send queued notifications now (no digest)")
    static class Flush implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();

        @Override
        public Integer call() {
            try (Mamori mamori = db.mamori()) {
                Database d = mamori.database();
                RemediationContext ctx = new RemediationContext(mamori);
                var r = ctx.scheduler().processChanges(ctx.clock);
                RemediationContext.report(r);
                if (r.events() == 0) System.out.println("送信する通知はありません / nothing to send");
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "prefs", mixinStandardHelpOptions = true, description = "アカウントの通知設定 / a person's notification preferences")
    static class Prefs implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Mixin OrgOption org = new OrgOption();
        @Option(names = "--user", required = true, paramLabel = "USER") String user;
        @Option(names = "--channel", description = "email | webhook | none") String channel;
        @Option(names = "--mode", description = "immediate（都度＋日次） | digest（日次のみ）") String mode;
        @Option(names = "--webhook-url", paramLabel = "URL") String webhookUrl;
        @Option(names = "--webhook-kind", description = "generic | teams | slack") String webhookKind;

        @Override
        public Integer call() {
            try (Mamori mamori = db.mamori()) {
                Database d = mamori.database();
                Organization o = org.resolve(mamori.inventory());
                RemediationContext ctx = new RemediationContext(mamori);
                Recipient r = ctx.mamori.recipients().user(o.id(), user)
                        .orElseThrow(() -> new BadInputException("アカウントが見つかりません / no enabled account '" + user + "'"));
                NotificationSettingsStore store = mamori.notificationSettings();
                Preference stored = store.preference(r.userId());
                Preference current = stored;
                if (channel != null || mode != null || webhookUrl != null || webhookKind != null) {
                    Preference p = RemediationContext.guard(() -> new Preference(
                            channel == null ? stored.channel() : Preference.Channel.fromKey(channel),
                            mode == null ? stored.immediate() : Preference.immediateFromKey(mode),
                            webhookKind == null ? stored.webhookKind() : WebhookKind.fromKey(webhookKind),
                            webhookUrl == null ? stored.webhookUrl() : webhookUrl));
                    store.setPreference(r.userId(), p);
                    current = p;
                }
                System.out.println(r.label() + ": channel=" + current.channel().key() + " mode=" + current.modeKey()
                        + (current.webhookUrl() == null ? "" : " webhook=" + WebhookSender.redact(current.webhookUrl()) + " (" + current.webhookKind().key() + ")")
                        + (r.email() == null ? "" : " email=" + r.email()));
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "webhook-add", mixinStandardHelpOptions = true, description = "団体のWebhook（Teams/Slackのチャネル等）を追加 / add an organisation webhook")
    static class WebhookAdd implements Callable<Integer> {
        @Mixin DatabaseOptions db = new DatabaseOptions();
        @Mixin OrgOption org = new OrgOption();
        @Option(names = "--name", required = true) String name;
        @Option(names = "--kind", defaultValue = "generic", description = "generic | teams | slack") String kind;
        @Option(names = "--url", required = true) String url;
        @Option(names = "--mode", defaultValue = "immediate", description = "immediate | digest") String mode;

        @Override
        public Integer call() {
            try (Mamori mamori = db.mamori()) {
                Database d = mamori.database();
                Organization o = org.resolve(mamori.inventory());
                long id = RemediationContext.guard(() -> mamori.notificationSettings()
                        .addWebhook(o.id(), name, WebhookKind.fromKey(kind), url, Preference.immediateFromKey(mode)));
                System.out.println("Webhookを追加しました / webhook added: #" + id + " " + name + " " + WebhookSender.redact(url));
                return ExitCode.OK;
            }
        }
    }
}
