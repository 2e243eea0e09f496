package jp.mamori.cli;

import jp.mamori.app.Actor;

/** Who a command acts as: {@code --by}, else {@code MAMORI_USER}, else the OS account — which is always recorded too. */
final class CliActor {
    private CliActor() { }

    static Actor of(String by) {
        String claimed = by != null && !by.isBlank() ? by : System.getenv("MAMORI_USER");
        return Actor.cli(claimed, System.getProperty("user.name"));
    }
}
